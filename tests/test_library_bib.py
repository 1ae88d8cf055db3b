"""The resource library reads data/references.bib with pybtex: groups, reliability and each entry's text."""

import json

from asmhub_utils.site.sphinx_ext import bib_script, library_links

BIB = """% header
@misc{a-2020,
  author = {{Body A (with, a comma)}},
  title = {{A title, with {braces} and a keywords = {fake} inside}},
  year = {2020},
  keywords = {news, secondary}
}

@misc{b-2021,
  author = {{Body B}},
  title = {{Another}},
  keywords = {global-reviews, primary}
}
"""
LIBRARY = """```{bibliography}
:filter: keywords % "global-reviews"
```

```{bibliography}
:filter: keywords % "news"
```
"""


def test_groups_and_script_come_from_the_parsed_entries(tmp_path):
    (tmp_path / "refs.bib").write_text(BIB, encoding="utf-8")
    (tmp_path / "library.md").write_text(LIBRARY, encoding="utf-8")
    assert library_links._groups(tmp_path / "library.md", tmp_path / "refs.bib") == {"a-2020": 2, "b-2021": 1}
    script = bib_script.bib_script(tmp_path / "refs.bib")
    entries = json.loads(script.removeprefix("window.ASMHUB_BIB=").removesuffix(";\n"))
    assert {k: (v["g"], v["r"]) for k, v in entries.items()} == {
        "a-2020": ("news", "secondary"),
        "b-2021": ("global-reviews", "primary"),
    }
    texts = json.loads(
        bib_script.bibtex_script(tmp_path / "refs.bib").removeprefix("window.ASMHUB_BIBTEX=").removesuffix(";\n")
    )  # the BibTeX, loaded at the first copy
    assert texts["b-2021"].startswith("@misc{b-2021,\n") and texts["b-2021"].endswith("\n}")

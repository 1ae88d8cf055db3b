"""ASM Hub utilities: the only code that knows where the data lives and what its columns mean.

The packages follow the flow of the book:

- `tidy/`      raw sources -> data/*.csv (`make data`)
- `contrib/`   the contribution standard, its validator, and adding a contribution to data/
- `chapters/`  what the notebooks import: data access, series, places, charts, tables, display
- `execute/`   running notebooks: country profiles (papermill) and the chapter pre-run
- `site/`      the website around the notebooks: Sphinx extension, citation, data zip, PDF

`paths`, `errors` and `escape` are shared by every stage; `cli` and `commands/` are the `asmhub` command.
"""

"""Binder's environment.yml carries exactly the pins of requirements.txt."""

import re

from asmhub_utils import paths
from asmhub_utils.site import envfile


def test_environment_yml_is_current():
    assert (paths.ROOT / "environment.yml").read_text(encoding="utf-8") == envfile.render(), (
        "environment.yml is out of date: run `make lock`"
    )


def test_every_pin_in_environment_yml_matches_requirements_txt():
    pins = envfile.pins()
    text = (paths.ROOT / "environment.yml").read_text(encoding="utf-8")
    listed = re.findall(r"^\s+- ([A-Za-z0-9_.\-]+)==(\S+)$", text, re.M)
    assert len(listed) == len(envfile.direct())
    for name, version in listed:
        assert pins[envfile._key(name)] == version, f"{name}: {version} in environment.yml"


def test_jupyter_book_is_pinned_below_2():
    assert envfile.pins()["jupyter-book"].startswith("1.")


def test_environment_yml_builds_on_binder():
    """Binder (repo2docker) reads environment.yml: valid YAML, the project's Python, and `-e .` for asmhub_utils."""
    import tomllib

    import yaml

    env = yaml.safe_load((paths.ROOT / "environment.yml").read_text(encoding="utf-8"))
    deps = env["dependencies"]
    python = next(d for d in deps if isinstance(d, str) and d.startswith("python="))
    requires = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["requires-python"]
    assert requires == ">=" + python.removeprefix("python="), (python, requires)
    pip = next(d["pip"] for d in deps if isinstance(d, dict) and "pip" in d)
    assert pip[-1] == "-e .", "the pip list must end with `-e .` so Binder installs asmhub_utils"
    assert "pip" in deps


def _imports(source):
    import ast

    found = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Import):
            found |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            found.add(node.module.split(".")[0])
    return found


def _imported_modules(folder, pattern):
    """Top-level modules imported by the Python files (or the code cells of the notebooks) under folder."""
    import nbformat

    found = set()
    for path in folder.rglob(pattern):
        if {"_build", ".ipynb_checkpoints", "profiles"} & set(path.parts):
            continue
        if path.suffix == ".ipynb":
            for cell in nbformat.read(path, as_version=4).cells:
                if cell.cell_type == "code":
                    code = "\n".join(
                        line for line in cell.source.splitlines() if not line.lstrip().startswith(("%", "!"))
                    )
                    found |= _imports(code)
        else:
            found |= _imports(path.read_text(encoding="utf-8"))
    return found


def test_pyproject_declares_every_package_the_code_imports():
    """A third-party module imported by asmhub_utils or a chapter belongs to a runtime dependency of pyproject.toml."""
    import importlib.metadata
    import sys
    import tomllib

    project = tomllib.loads((paths.ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    declared = {envfile._key(re.split(r"[<>=!~\[; ]", spec)[0]) for spec in project["dependencies"]}
    owners = importlib.metadata.packages_distributions()
    modules = _imported_modules(paths.ROOT / "asmhub_utils", "*.py") | _imported_modules(
        paths.ROOT / "notebooks", "*.ipynb"
    )
    modules -= set(sys.stdlib_module_names) | {"asmhub_utils", "__future__"}
    undeclared = {
        m: owners.get(m) for m in modules if m in owners and not declared & {envfile._key(d) for d in owners[m]}
    }
    assert not undeclared, f"imported but not in pyproject.toml [project] dependencies: {undeclared}"
    unknown = {m for m in modules if m not in owners}
    assert not unknown, f"imported modules no installed package provides: {unknown}"


def test_binder_environment_carries_the_reader_tools_not_the_test_tools():
    names = {envfile._key(n) for n in envfile.direct()}
    assert {"jupyterlab", "ipywidgets"} <= names
    assert not names & {"pytest", "pytest-xdist", "nbval", "playwright", "axe-playwright-python", "linkchecker"}

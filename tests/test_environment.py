"""Binder's environment.yml carries exactly the pins of requirements.txt."""

import re

from asmhub_utils import envfile, paths


def test_environment_yml_is_current():
    assert (paths.ROOT / "environment.yml").read_text(encoding="utf-8") == envfile.render(), (
        "environment.yml is out of date: run `make lock`")


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

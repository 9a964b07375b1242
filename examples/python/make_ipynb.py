"""Writes notebook.ipynb from notebook.py (cells marked ``# %%``; ``# %% [markdown]`` cells
become Markdown). Run after editing notebook.py; a test keeps the two in step.

    python examples/python/make_ipynb.py
"""

import json
import pathlib

HERE = pathlib.Path(__file__).resolve().parent


def cells(source: str) -> list:
    out = []
    for chunk in source.split("# %%")[1:]:
        header, _, body = chunk.partition("\n")
        lines = body.strip("\n").splitlines()
        if header.strip() == "[markdown]":
            text = [line[2:] if line.startswith("# ") else line.lstrip("#") for line in lines]
            out.append({"cell_type": "markdown", "metadata": {}, "source": _lines(text)})
        else:
            out.append({"cell_type": "code", "execution_count": None, "metadata": {},
                        "outputs": [], "source": _lines(lines)})
    return out


def _lines(lines: list) -> list:
    return [line + "\n" for line in lines[:-1]] + lines[-1:]


def render() -> str:
    notebook = {
        "cells": cells((HERE / "notebook.py").read_text(encoding="utf-8")),
        "metadata": {"kernelspec": {"display_name": "Python 3", "language": "python", "name": "python3"},
                     "language_info": {"name": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    return json.dumps(notebook, ensure_ascii=False, indent=1) + "\n"


if __name__ == "__main__":
    (HERE / "notebook.ipynb").write_text(render(), encoding="utf-8")
    print("wrote", HERE / "notebook.ipynb")

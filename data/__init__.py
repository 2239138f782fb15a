"""The book's data files, shipped inside the package as ``tlslib.data`` (pyproject.toml maps this folder).

Read through :func:`tlslib.paper.files.data_path`; sources, units and columns are in README.md here.
"""

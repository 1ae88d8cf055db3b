"""The website around the notebooks: Sphinx extension, citation, data zip, PDF, Binder environment."""

"""Running notebooks: country profiles through papermill and the chapter pre-run into the cache."""

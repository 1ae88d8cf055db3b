"""What the chapter notebooks import: data access, series, places, charts, tables and the display layer.

The notebook cache depends on this package (and what it imports), not on the rest of asmhub_utils.
"""

"""What the reader pages in front/ are built from: list filters and pagination,
date ranges, numbers and time zones as readers read them.

Page code itself lives in front/; this package holds no view.
"""

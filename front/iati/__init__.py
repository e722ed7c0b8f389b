"""The IATI 2.03 files: the mapping (mapping.py), the XML (writer.py), the
addresses (views.py) and the official schema they are tested against (schema/)."""

"""The lxml parsers every DOCX part is read with, and WordprocessingML's namespace: one place,
so the guards on untrusted XML (no entities, no network, no DTD, no huge trees) are the same
for the check of the package, its repair and every reader."""

from __future__ import annotations

from lxml import etree

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"

# a part is data, never instructions: no entity expansion, no fetching, no DTD, bounded trees
SAFE = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False, load_dtd=False)
# what lxml reads of a part that is not well-formed, under the same guards
RECOVER = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
# python-docx's parser (oxml_parser) without its element classes: the main parts are read as
# python-docx reads them, so the two readers give the same blocks
PACKAGE = etree.XMLParser(remove_blank_text=True, resolve_entities=False)

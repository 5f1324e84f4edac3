"""`ocr = true` in the config turns on OCR for `parse` as `--ocr` does."""

from kehoach.cli import _config_ocr


def test_ocr_key_in_kehoach_toml_is_found_from_the_input_folder(tmp_path):
    plan = tmp_path / "plans" / "scan.pdf"
    plan.parent.mkdir()
    plan.write_bytes(b"%PDF-1.4\n")
    assert _config_ocr([str(plan)]) is False
    (tmp_path / "kehoach.toml").write_text("[tool.kehoach]\nocr = true\n", encoding="utf-8")
    assert _config_ocr([str(plan)]) is True


def test_ocr_key_in_pyproject_and_a_broken_config_is_ignored_by_parse(tmp_path):
    (tmp_path / "pyproject.toml").write_text("[tool.kehoach]\nocr = true\n", encoding="utf-8")
    assert _config_ocr([str(tmp_path)]) is True
    (tmp_path / "pyproject.toml").write_text("[tool.kehoach\nocr = ", encoding="utf-8")
    assert _config_ocr([str(tmp_path)]) is False

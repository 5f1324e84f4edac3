"""Messages of `kehoach register` (Vietnamese by default, English with --lang en)."""

from __future__ import annotations

from ..i18n import MESSAGES as _SHARED
from ..i18n import t as _shared_t

MESSAGES: dict[str, dict[str, str]] = {
    "reg_not_db": {
        "vi": "{path}: không phải cơ sở dữ liệu sổ theo dõi (SQLite) hoặc tệp bị hỏng",
        "en": "{path}: not a register database (SQLite) or a damaged file",
    },
    "reg_too_new": {
        "vi": "{path}: cơ sở dữ liệu do phiên bản kehoach mới hơn tạo (lược đồ {found} > {known}); "
        "hãy nâng cấp kehoach",
        "en": "{path}: the database was made by a newer kehoach (schema {found} > {known}); upgrade kehoach",
    },
    "reg_no_db": {
        "vi": "{path}: chưa có sổ theo dõi; tạo bằng: kehoach register add TỆP --db {path}",
        "en": "{path}: no register yet; create it with: kehoach register add FILE --db {path}",
    },
    "reg_busy": {
        "vi": "{path}: cơ sở dữ liệu đang bị khóa quá lâu ({error})",
        "en": "{path}: the database stayed locked too long ({error})",
    },
    "reg_added": {
        "vi": "đã thêm {file}: {number} — {tasks} nhiệm vụ (phiên bản {version})",
        "en": "added {file}: {number} — {tasks} tasks (version {version})",
    },
    "reg_unchanged": {
        "vi": "không đổi {file}: đã có trong sổ (phiên bản {version})",
        "en": "unchanged {file}: already in the register (version {version})",
    },
    "reg_not_plan": {
        "vi": "bỏ qua {file}: không phải kế hoạch ({doc_type})",
        "en": "skipped {file}: not a plan ({doc_type})",
    },
    "reg_summary": {
        "vi": "{added} kế hoạch thêm mới hoặc cập nhật, {unchanged} không đổi, {failed} lỗi",
        "en": "{added} plans added or updated, {unchanged} unchanged, {failed} failed",
    },
    "reg_bad_date": {
        "vi": "ngày không hợp lệ cho {option}: {value} (dạng YYYY-MM-DD)",
        "en": "invalid date for {option}: {value} (use YYYY-MM-DD)",
    },
    "reg_bad_window": {"vi": "--from ({start}) sau --to ({end})", "en": "--from ({start}) is after --to ({end})"},
    "reg_xlsx_needs_output": {"vi": "định dạng xlsx cần -o TỆP", "en": "the xlsx format needs -o FILE"},
    "reg_import_unreadable": {
        "vi": "{path}: không đọc được sổ Excel ({error}); cơ sở dữ liệu không thay đổi",
        "en": "{path}: cannot read the workbook ({error}); the database is unchanged",
    },
    "reg_import_no_ids": {
        "vi": "{path}: sổ Excel không có cột '{column}' (hãy xuất sổ bằng kehoach register export); "
        "cơ sở dữ liệu không thay đổi",
        "en": "{path}: the workbook has no '{column}' column (export it with kehoach register export); "
        "the database is unchanged",
    },
    "reg_import_foreign": {
        "vi": "{path}: {count} mã nhiệm vụ không thuộc sổ theo dõi này (ví dụ {example}); cơ sở dữ liệu không thay đổi",
        "en": "{path}: {count} task ids do not belong to this register (e.g. {example}); the database is unchanged",
    },
    "reg_import_other": {
        "vi": "{path}: sổ Excel được xuất từ một sổ theo dõi khác, mã nhiệm vụ không thuộc sổ này; "
        "cơ sở dữ liệu không thay đổi",
        "en": "{path}: the workbook was exported from another register: its task ids do not belong to this one; "
        "the database is unchanged",
    },
    "reg_import_bad_status": {
        "vi": "{path}: hàng {row}: tình trạng không hợp lệ '{value}' (chọn: {choices}); cơ sở dữ liệu không thay đổi",
        "en": "{path}: row {row}: invalid status '{value}' (choose: {choices}); the database is unchanged",
    },
    "reg_import_bad_date": {
        "vi": "{path}: hàng {row}: ngày hoàn thành không hợp lệ '{value}'; cơ sở dữ liệu không thay đổi",
        "en": "{path}: row {row}: invalid completion date '{value}'; the database is unchanged",
    },
    "reg_imported": {
        "vi": "đã nhập {count} tình trạng từ {path} ({kept} ô trống giữ nguyên giá trị cũ)",
        "en": "imported {count} statuses from {path} ({kept} blank cells kept the recorded value)",
    },
    "reg_no_rows": {"vi": "không có kết quả", "en": "no results"},
    "reg_unknown_plan": {"vi": "không có kế hoạch {plan} trong sổ", "en": "no plan {plan} in the register"},
    "reg_engine_missing": {
        "vi": "cần cài thêm: pip install 'kehoach[{extra}]' ({error})",
        "en": "an extra is needed: pip install 'kehoach[{extra}]' ({error})",
    },
}


def t(key: str, lang: str = "vi", **kw: object) -> str:
    """A register message, or a shared one (i18n.py)."""
    if key in MESSAGES:
        entry = MESSAGES[key]
        return (entry.get(lang) or entry["vi"]).format(**kw)
    return _shared_t(key, lang, **kw) if key in _SHARED else key

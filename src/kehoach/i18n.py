"""User-facing messages in Vietnamese (default) and English. Keys and codes stay ASCII."""

from __future__ import annotations

LANGS = ("vi", "en")

MESSAGES: dict[str, dict[str, str]] = {
    # input errors
    "not_found": {"vi": "không tìm thấy tệp", "en": "file not found"},
    "not_a_file": {"vi": "không phải là tệp", "en": "not a file"},
    "unreadable": {"vi": "không đọc được tệp ({error})", "en": "cannot read the file ({error})"},
    "empty": {"vi": "tệp rỗng, không có nội dung", "en": "the file is empty"},
    "no_text": {"vi": "không có nội dung văn bản", "en": "no text content"},
    "unsupported": {
        "vi": "định dạng không được hỗ trợ ({kind}); hỗ trợ: .txt, .md, .docx, .pdf, .doc",
        "en": "unsupported format ({kind}); supported: .txt, .md, .docx, .pdf, .doc",
    },
    "binary_text": {
        "vi": "tệp có đuôi văn bản nhưng chứa dữ liệu nhị phân",
        "en": "a text file name, but the content is binary",
    },
    "bad_encoding": {"vi": "không nhận ra bảng mã của tệp văn bản", "en": "cannot tell the text file's encoding"},
    "bad_docx": {
        "vi": "tệp DOCX hỏng hoặc không phải tệp Word ({error})",
        "en": "a damaged DOCX or not a Word file ({error})",
    },
    "encrypted_docx": {
        "vi": "tệp Word có mật khẩu bảo vệ; hãy bỏ mật khẩu rồi thử lại",
        "en": "the Word file is password-protected; remove the password and try again",
    },
    "doc_as_docx": {
        "vi": "đây là tệp .doc (Word 97-2003) đặt tên .docx; hãy chuyển sang .docx hoặc đổi đuôi thành .doc",
        "en": "this is a .doc (Word 97-2003) file named .docx; convert it to .docx or rename it .doc",
    },
    "bad_pdf": {"vi": "tệp PDF hỏng hoặc không đọc được ({error})", "en": "a damaged or unreadable PDF ({error})"},
    "pdf_too_complex": {
        "vi": "tệp PDF vượt giới hạn xử lý ({detail})",
        "en": "the PDF exceeds a processing limit ({detail})",
    },
    "encrypted_pdf": {"vi": "tệp PDF được mã hóa (có mật khẩu)", "en": "the PDF is encrypted (password-protected)"},
    "scanned_pdf": {
        "vi": "tệp PDF là bản quét, không có lớp chữ; dùng --ocr để nhận dạng ký tự",
        "en": "the PDF is a scan with no text layer; use --ocr to recognise its text",
    },
    "pdf_unmapped": {
        "vi": "lớp chữ của tệp PDF không ánh xạ được sang Unicode ({share} "
        "ký tự); hãy xuất lại PDF có nhúng phông Unicode hoặc dùng --ocr",
        "en": "the PDF's text layer has no Unicode mapping ({share} "
        "of glyphs); re-export it with Unicode fonts or use --ocr",
    },
    "no_soffice": {
        "vi": "cần LibreOffice để đọc tệp .doc (cài: apt-get install libreoffice-writer)",
        "en": "LibreOffice is needed to read .doc files (install: apt-get install libreoffice-writer)",
    },
    "bad_doc": {
        "vi": "LibreOffice không chuyển được tệp .doc ({error})",
        "en": "LibreOffice could not convert the .doc file ({error})",
    },
    "no_tesseract": {
        "vi": "cần Tesseract với gói tiếng Việt để nhận dạng bản quét "
        "(cài: apt-get install tesseract-ocr tesseract-ocr-vie)",
        "en": "Tesseract with the Vietnamese model is needed to OCR scans "
        "(install: apt-get install tesseract-ocr tesseract-ocr-vie)",
    },
    "ocr_failed": {
        "vi": "nhận dạng ký tự thất bại ở trang {page} ({error})",
        "en": "OCR failed on page {page} ({error})",
    },
    "too_large": {"vi": "tệp quá lớn ({size})", "en": "the file is too large ({size})"},
    "zip_bomb": {
        "vi": "tệp nén bất thường, có thể là zip bomb ({detail})",
        "en": "suspicious archive, possibly a zip bomb ({detail})",
    },
    "timeout": {"vi": "quá thời gian xử lý ({seconds} giây)", "en": "timed out ({seconds} s)"},
    "internal": {"vi": "lỗi nội bộ khi xử lý ({error})", "en": "internal error while processing ({error})"},
    "bad_format_option": {
        "vi": "định dạng đầu ra không hợp lệ: {value} (chọn: {choices})",
        "en": "invalid output format: {value} (choose: {choices})",
    },
    "no_inputs": {"vi": "không có tệp đầu vào nào", "en": "no input files"},
    "wrote": {"vi": "đã ghi {path}", "en": "wrote {path}"},
    # batch (src/kehoach/batch/)
    "worker_crashed": {
        "vi": "tiến trình xử lý tệp bị dừng bất thường ({detail})",
        "en": "the process handling the file died ({detail})",
    },
    "out_of_memory": {
        "vi": "không đủ bộ nhớ để xử lý tệp (vượt giới hạn bộ nhớ)",
        "en": "out of memory while processing the file (over the memory limit)",
    },
    "too_deep": {
        "vi": "cấu trúc lồng nhau quá sâu (bảng trong bảng)",
        "en": "structure nested too deeply (tables in tables)",
    },
    "no_match": {"vi": "không có tệp nào khớp mẫu", "en": "no file matches the pattern"},
    "stdin_twice": {
        "vi": "chỉ được dùng '-' (đầu vào chuẩn) một lần",
        "en": "'-' (standard input) can be given only once",
    },
    "xlsx_needs_output": {
        "vi": "định dạng xlsx cần -o TỆP hoặc -o THƯ_MỤC",
        "en": "the xlsx format needs -o FILE or -o FOLDER",
    },
    "parquet_needs_output": {
        "vi": "định dạng parquet cần -o TỆP hoặc -o THƯ_MỤC",
        "en": "the parquet format needs -o FILE or -o FOLDER",
    },
    "bad_engine": {
        "vi": "engine không hợp lệ: {value} (chọn: {choices})",
        "en": "invalid engine: {value} (choose: {choices})",
    },
    "scheduler_needs_dask": {
        "vi": "--scheduler chỉ dùng với --engine dask",
        "en": "--scheduler goes with --engine dask",
    },
    "scheduler_unreachable": {
        "vi": "không kết nối được bộ lập lịch Dask {address} ({error})",
        "en": "cannot reach the Dask scheduler {address} ({error})",
    },
    "needs_extra": {
        "vi": "cần cài thêm {module}: pip install 'kehoach[{extra}]'",
        "en": "{module} is needed: pip install 'kehoach[{extra}]'",
    },
    "output_clash": {
        "vi": "tệp đầu ra trùng tên sổ tổng hợp: {path}",
        "en": "an output would overwrite the combined register: {path}",
    },
    "output_not_dir": {
        "vi": "-o phải là thư mục khi có nhiều tệp hoặc nhiều định dạng: {path}",
        "en": "-o must be a folder for several files or formats: {path}",
    },
    "bad_number_option": {
        "vi": "giá trị không hợp lệ cho {option}: {value}",
        "en": "invalid value for {option}: {value}",
    },
    "files_per_s": {"vi": "tệp/giây", "en": "files/s"},
    "summary": {
        "vi": "{ok}/{total} tệp thành công, {failed} lỗi, {seconds} giây ({rate} tệp/giây, {jobs} tiến trình)",
        "en": "{ok}/{total} files converted, {failed} failed, {seconds} s ({rate} files/s, {jobs} jobs)",
    },
    "summary_written": {"vi": "đã ghi {count} tệp đầu ra", "en": "wrote {count} output files"},
    # --lang checked by every command (src/kehoach/options.py)
    "bad_lang": {
        "vi": "--lang không nhận giá trị {value!r}; chọn vi hoặc en",
        "en": "--lang does not accept {value!r}; choose vi or en",
    },
    "interrupted": {
        "vi": "đã dừng theo yêu cầu; {count} tệp chưa xử lý, không có tệp đầu ra dở dang",
        "en": "stopped on request; {count} files not processed, no partial output left",
    },
    # output safety, folder walk, non-plans (kehoach parse; src/kehoach/outputs.py, batch/)
    "output_is_input": {
        "vi": "tệp đầu ra trùng với một tệp đầu vào; không ghi đè lên tệp đầu vào",
        "en": "the output is one of the inputs; an input is never overwritten",
    },
    "output_is_input_at": {
        "vi": "tệp đầu ra {target} là một tệp đầu vào; không ghi đè, tệp này không được chuyển",
        "en": "its output {target} is one of the inputs; not overwritten, this file is not converted",
    },
    "output_is_dir": {"vi": "tệp đầu ra là một thư mục", "en": "the output is a folder"},
    "output_is_socket": {
        "vi": "tệp đầu ra là một socket, không ghi vào được",
        "en": "the output is a socket; cannot write to it",
    },
    "output_is_block_device": {
        "vi": "tệp đầu ra là thiết bị khối (ổ đĩa); không ghi vào đó",
        "en": "the output is a block device (a disk); refusing to write to it",
    },
    "output_write_failed": {"vi": "không ghi được tệp đầu ra ({error})", "en": "cannot write the output ({error})"},
    "os_enospc": {"vi": "hết chỗ trống trên thiết bị", "en": "no space left on the device"},
    "os_eacces": {"vi": "không có quyền ghi", "en": "permission denied"},
    "os_erofs": {"vi": "hệ thống tệp chỉ đọc", "en": "read-only file system"},
    "os_enotdir": {"vi": "một phần của đường dẫn không phải thư mục", "en": "a part of the path is not a folder"},
    "os_enametoolong": {"vi": "tên tệp quá dài", "en": "file name too long"},
    "os_eisdir": {"vi": "đó là một thư mục", "en": "it is a folder"},
    "os_enoent": {
        "vi": "không tạo được tệp ở đó: không có tệp hoặc thư mục như vậy",
        "en": "cannot create a file there: no such file or folder",
    },
    "os_eio": {"vi": "lỗi vào/ra của thiết bị", "en": "input/output error"},
    "empty_folder": {
        "vi": "không có tệp nào để xử lý trong thư mục {folder} (tìm các đuôi: {suffixes})",
        "en": "nothing to process in the folder {folder} (looked for: {suffixes})",
    },
    "empty_folder_skipped": {
        "vi": "{count} tệp .txt/.md bị bỏ qua vì không giống văn bản hành chính; dùng --all-text để lấy cả",
        "en": "{count} .txt/.md files skipped as not administrative documents; --all-text takes them",
    },
    "summary_skipped": {
        "vi": "{count} tệp .txt/.md bị bỏ qua (không giống văn bản hành chính)",
        "en": "{count} .txt/.md files skipped (not administrative documents)",
    },
    "summary_not_plans": {"vi": "{count} tệp không phải kế hoạch", "en": "{count} files are not a plan"},
    "summary_diagnostics": {
        "vi": '{count} tệp có chẩn đoán (nội dung trình phân tích chưa xếp được; xem "diagnostics")',
        "en": '{count} files have diagnostics (content the parser could not place; see "diagnostics")',
    },
    "not_a_plan": {
        "vi": "lưu ý: {file}: không phải kế hoạch — loại văn bản: {name} ({doc_type})",
        "en": "note: {file}: not a plan — document type: {name} ({doc_type})",
    },
    "strict_diagnostics": {
        "vi": "--strict: {count} tệp có chẩn đoán",
        "en": "--strict: {count} files have diagnostics",
    },
    # kehoach report (src/kehoach/report/)
    "report_title": {"vi": "Báo cáo kế hoạch", "en": "Plan report"},
    "report_generated": {"vi": "Tạo bởi kehoach {version}", "en": "Made by kehoach {version}"},
    "report_issuer": {"vi": "Cơ quan ban hành", "en": "Issuer"},
    "report_number": {"vi": "Số", "en": "Number"},
    "report_date": {"vi": "Ngày", "en": "Date"},
    "report_doc_title": {"vi": "Trích yếu", "en": "Title"},
    "report_signer": {"vi": "Người ký", "en": "Signer"},
    "report_source": {"vi": "Tệp nguồn", "en": "Source file"},
    "report_draft": {"vi": "Dự thảo (số hoặc ngày để trống)", "en": "Draft (number or date left blank)"},
    "report_not_plan": {"vi": "Không phải kế hoạch: {name}", "en": "Not a plan: {name}"},
    "report_blank": {"vi": "(để trống)", "en": "(blank)"},
    "report_outline": {"vi": "Bố cục", "en": "Outline"},
    "report_tasks": {"vi": "Danh mục nhiệm vụ", "en": "Task register"},
    "report_task_count": {"vi": "{count} nhiệm vụ", "en": "{count} tasks"},
    "report_search": {"vi": "Tìm kiếm", "en": "Search"},
    "report_all": {"vi": "(tất cả)", "en": "(all)"},
    "report_unit": {"vi": "Đơn vị", "en": "Unit"},
    "report_group": {"vi": "Nhóm", "en": "Group"},
    "report_origin": {"vi": "Nguồn", "en": "Origin"},
    "report_kind": {"vi": "Loại thời hạn", "en": "Timeline kind"},
    "report_shown": {"vi": "đang hiện", "en": "shown"},
    "report_content": {"vi": "Nội dung", "en": "Content"},
    "report_lead": {"vi": "Chủ trì", "en": "Lead"},
    "report_support": {"vi": "Phối hợp", "en": "Support"},
    "report_timeline_col": {"vi": "Thời gian", "en": "Timeline"},
    "report_where": {"vi": "Vị trí", "en": "Where"},
    "report_page": {"vi": "tr.", "en": "p."},
    "report_table": {"vi": "bảng", "en": "table"},
    "report_row": {"vi": "dòng", "en": "row"},
    "report_line": {"vi": "đoạn/dòng", "en": "line"},
    "report_timeline": {"vi": "Tiến độ", "en": "Timeline"},
    "report_timeline_note": {
        "vi": "Thanh: khoảng thời gian; dải nhạt: định kỳ, thường xuyên; "
        "hình thoi: hạn chót. {undated} nhiệm vụ không có mốc thời gian.",
        "en": "Bars: periods; light bands: recurring, ongoing; diamonds: deadlines. {undated} tasks have no date.",
    },
    "report_no_dates": {"vi": "Không nhiệm vụ nào có mốc thời gian.", "en": "No task has a date."},
    "report_quarter": {"vi": "Quý", "en": "Q"},
    "report_workload": {"vi": "Khối lượng theo đơn vị", "en": "Workload per unit"},
    "report_workload_all": {"vi": "Khối lượng theo đơn vị (tất cả kế hoạch)", "en": "Workload per unit (all plans)"},
    "report_as_lead": {"vi": "chủ trì", "en": "as lead"},
    "report_as_support": {"vi": "phối hợp", "en": "as support"},
    "report_no_units": {"vi": "Không có đơn vị nào được giao.", "en": "No unit is assigned."},
    "report_findings": {"vi": "Kết quả kiểm tra", "en": "Validation findings"},
    "report_no_findings": {"vi": "Không có phát hiện nào.", "en": "No findings."},
    "report_original": {"vi": "Bản gốc", "en": "Original"},
    "report_repeat": {"vi": "Lặp lại", "en": "Repeat"},
    "report_copy": {"vi": "Bản chép", "en": "Copy"},
    "report_diagnostics": {"vi": "Chẩn đoán của trình phân tích", "en": "Parser diagnostics"},
    "report_contents": {"vi": "Mục lục", "en": "Contents"},
    "report_origin_appendix": {"vi": "phụ lục", "en": "appendix"},
    "report_origin_body": {"vi": "thân văn bản", "en": "body"},
    "report_origin_assignment": {"vi": "phân công", "en": "assignment"},
    "report_wrote": {
        "vi": "đã ghi báo cáo {path} ({plans} kế hoạch, {tasks} nhiệm vụ)",
        "en": "wrote the report {path} ({plans} plans, {tasks} tasks)",
    },
    "report_bad_output": {
        "vi": "tệp đầu ra của báo cáo phải có đuôi .html hoặc .htm: {path}",
        "en": "the report's output must end in .html or .htm: {path}",
    },
    "doctype_ke_hoach": {"vi": "Kế hoạch", "en": "plan"},
    "doctype_quyet_dinh": {"vi": "Quyết định", "en": "decision"},
    "doctype_to_trinh": {"vi": "Tờ trình", "en": "submission"},
    "doctype_cong_van": {"vi": "Công văn", "en": "official letter"},
    "doctype_thong_bao": {"vi": "Thông báo", "en": "notice"},
    "doctype_bao_cao": {"vi": "Báo cáo", "en": "report"},
    "doctype_chuong_trinh": {"vi": "Chương trình", "en": "programme"},
    "doctype_huong_dan": {"vi": "Hướng dẫn", "en": "guidance"},
    "doctype_phuong_an": {"vi": "Phương án", "en": "scheme"},
    "doctype_de_an": {"vi": "Đề án", "en": "project"},
    "doctype_chi_thi": {"vi": "Chỉ thị", "en": "directive"},
    "doctype_nghi_quyet": {"vi": "Nghị quyết", "en": "resolution"},
    "doctype_quy_che": {"vi": "Quy chế", "en": "regulation"},
    "doctype_quy_dinh": {"vi": "Quy định", "en": "rules"},
    "doctype_thong_cao": {"vi": "Thông cáo", "en": "communiqué"},
    "doctype_bien_ban": {"vi": "Biên bản", "en": "minutes"},
    "doctype_du_an": {"vi": "Dự án", "en": "project proposal"},
    "doctype_giay_moi": {"vi": "Giấy mời", "en": "invitation"},
    "doctype_thong_tri": {"vi": "Thông tri", "en": "circular"},
    "doctype_cong_dien": {"vi": "Công điện", "en": "official telegram"},
    "doctype_unknown": {"vi": "không xác định", "en": "not recognised"},
    # kehoach diff (src/kehoach/diff/)
    "diff_summary": {
        "vi": "Nhiệm vụ: {added} thêm, {removed} bỏ, {changed} sửa, {moved} chuyển nhóm, {unchanged} giữ nguyên",
        "en": "Tasks: {added} added, {removed} removed, {changed} changed, {moved} moved, {unchanged} unchanged",
    },
    "diff_xlsx_needs_output": {"vi": "định dạng xlsx cần -o TỆP", "en": "the xlsx format needs -o FILE"},
    "schema_unknown": {
        "vi": "không có lược đồ {value!r}; chọn: diff (hoặc để trống: lược đồ của parse)",
        "en": "no schema {value!r}; choose: diff (or nothing: the parse schema)",
    },
    "diff_same": {"vi": "Danh mục nhiệm vụ của hai bản giống nhau.", "en": "The two task registers are the same."},
    "diff_header": {"vi": "Phần đầu văn bản", "en": "Header"},
    "diff_sections": {"vi": "Đề mục", "en": "Headings"},
    "diff_paragraphs": {
        "vi": "Đoạn văn (thân bài; {unchanged} đoạn giữ nguyên)",
        "en": "Paragraphs (body; {unchanged} unchanged)",
    },
    "diff_tasks": {"vi": "Nhiệm vụ", "en": "Tasks"},
    "diff_group": {"vi": "nhóm", "en": "group"},
    "diff_status_added": {"vi": "THÊM", "en": "ADDED"},
    "diff_status_removed": {"vi": "BỎ", "en": "REMOVED"},
    "diff_status_changed": {"vi": "SỬA", "en": "CHANGED"},
    "diff_status_moved": {"vi": "CHUYỂN", "en": "MOVED"},
    "diff_status_unchanged": {"vi": "GIỮ NGUYÊN", "en": "UNCHANGED"},
    "diff_title": {"vi": "So sánh hai bản kế hoạch", "en": "Plan comparison"},
    "diff_old": {"vi": "Bản cũ", "en": "Old"},
    "diff_new": {"vi": "Bản mới", "en": "New"},
    "diff_status": {"vi": "Thay đổi", "en": "Change"},
    "diff_changed_field": {"vi": "Trường thay đổi", "en": "Changed field"},
    "validate_title": {"vi": "Kết quả kiểm tra kế hoạch", "en": "Plan validation"},
    "diff_field_content": {"vi": "nội dung", "en": "content"},
    "diff_field_lead": {"vi": "chủ trì", "en": "lead"},
    "diff_field_support": {"vi": "phối hợp", "en": "support"},
    "diff_field_products": {"vi": "sản phẩm", "en": "products"},
    "diff_field_timeline": {"vi": "thời gian", "en": "timeline"},
    "diff_field_notes": {"vi": "ghi chú", "en": "notes"},
    # kehoach register (src/kehoach/register/)
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
    entry = MESSAGES.get(key)
    if entry is None:
        return key.format(**kw) if kw else key
    text = entry.get(lang) or entry["vi"]
    try:
        return text.format(**kw)
    except (KeyError, IndexError):
        return text

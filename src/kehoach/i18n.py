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
    "unsupported": {"vi": "định dạng không được hỗ trợ ({kind}); hỗ trợ: .txt, .md, .docx, .pdf, .doc",
                    "en": "unsupported format ({kind}); supported: .txt, .md, .docx, .pdf, .doc"},
    "binary_text": {"vi": "tệp có đuôi văn bản nhưng chứa dữ liệu nhị phân", "en": "a text file name, but the content is binary"},
    "bad_encoding": {"vi": "không nhận ra bảng mã của tệp văn bản", "en": "cannot tell the text file's encoding"},
    "bad_docx": {"vi": "tệp DOCX hỏng hoặc không phải tệp Word ({error})", "en": "a damaged DOCX or not a Word file ({error})"},
    "encrypted_docx": {"vi": "tệp Word có mật khẩu bảo vệ; hãy bỏ mật khẩu rồi thử lại",
                       "en": "the Word file is password-protected; remove the password and try again"},
    "doc_as_docx": {"vi": "đây là tệp .doc (Word 97-2003) đặt tên .docx; hãy chuyển sang .docx hoặc đổi đuôi thành .doc",
                    "en": "this is a .doc (Word 97-2003) file named .docx; convert it to .docx or rename it .doc"},
    "bad_pdf": {"vi": "tệp PDF hỏng hoặc không đọc được ({error})", "en": "a damaged or unreadable PDF ({error})"},
    "pdf_too_complex": {"vi": "tệp PDF vượt giới hạn xử lý ({detail})", "en": "the PDF exceeds a processing limit ({detail})"},
    "encrypted_pdf": {"vi": "tệp PDF được mã hóa (có mật khẩu)", "en": "the PDF is encrypted (password-protected)"},
    "scanned_pdf": {"vi": "tệp PDF là bản quét, không có lớp chữ; dùng --ocr để nhận dạng ký tự",
                    "en": "the PDF is a scan with no text layer; use --ocr to recognise its text"},
    "pdf_unmapped": {"vi": "lớp chữ của tệp PDF không ánh xạ được sang Unicode ({share} ký tự); hãy xuất lại PDF có nhúng phông Unicode hoặc dùng --ocr",
                     "en": "the PDF's text layer has no Unicode mapping ({share} of glyphs); re-export it with Unicode fonts or use --ocr"},
    "no_soffice": {"vi": "cần LibreOffice để đọc tệp .doc (cài: apt-get install libreoffice-writer)",
                   "en": "LibreOffice is needed to read .doc files (install: apt-get install libreoffice-writer)"},
    "bad_doc": {"vi": "LibreOffice không chuyển được tệp .doc ({error})",
                "en": "LibreOffice could not convert the .doc file ({error})"},
    "no_tesseract": {"vi": "cần Tesseract với gói tiếng Việt để nhận dạng bản quét "
                           "(cài: apt-get install tesseract-ocr tesseract-ocr-vie)",
                     "en": "Tesseract with the Vietnamese model is needed to OCR scans "
                           "(install: apt-get install tesseract-ocr tesseract-ocr-vie)"},
    "ocr_failed": {"vi": "nhận dạng ký tự thất bại ở trang {page} ({error})",
                   "en": "OCR failed on page {page} ({error})"},
    "too_large": {"vi": "tệp quá lớn ({size})", "en": "the file is too large ({size})"},
    "zip_bomb": {"vi": "tệp nén bất thường, có thể là zip bomb ({detail})", "en": "suspicious archive, possibly a zip bomb ({detail})"},
    "timeout": {"vi": "quá thời gian xử lý ({seconds} giây)", "en": "timed out ({seconds} s)"},
    "internal": {"vi": "lỗi nội bộ khi xử lý ({error})", "en": "internal error while processing ({error})"},
    "bad_format_option": {"vi": "định dạng đầu ra không hợp lệ: {value} (chọn: {choices})",
                          "en": "invalid output format: {value} (choose: {choices})"},
    "no_inputs": {"vi": "không có tệp đầu vào nào", "en": "no input files"},
    "wrote": {"vi": "đã ghi {path}", "en": "wrote {path}"},
    # batch (src/kehoach/batch.py)
    "worker_crashed": {"vi": "tiến trình xử lý tệp bị dừng bất thường ({detail})",
                       "en": "the process handling the file died ({detail})"},
    "out_of_memory": {"vi": "không đủ bộ nhớ để xử lý tệp (vượt giới hạn bộ nhớ)",
                      "en": "out of memory while processing the file (over the memory limit)"},
    "too_deep": {"vi": "cấu trúc lồng nhau quá sâu (bảng trong bảng)", "en": "structure nested too deeply (tables in tables)"},
    "no_match": {"vi": "không có tệp nào khớp mẫu", "en": "no file matches the pattern"},
    "stdin_twice": {"vi": "chỉ được dùng '-' (đầu vào chuẩn) một lần", "en": "'-' (standard input) can be given only once"},
    "xlsx_needs_output": {"vi": "định dạng xlsx cần -o TỆP hoặc -o THƯ_MỤC", "en": "the xlsx format needs -o FILE or -o FOLDER"},
    "output_clash": {"vi": "tệp đầu ra trùng tên sổ tổng hợp: {path}", "en": "an output would overwrite the combined register: {path}"},
    "output_not_dir": {"vi": "-o phải là thư mục khi có nhiều tệp hoặc nhiều định dạng: {path}",
                       "en": "-o must be a folder for several files or formats: {path}"},
    "bad_number_option": {"vi": "giá trị không hợp lệ cho {option}: {value}", "en": "invalid value for {option}: {value}"},
    "files_per_s": {"vi": "tệp/giây", "en": "files/s"},
    "summary": {"vi": "{ok}/{total} tệp thành công, {failed} lỗi, {seconds} giây ({rate} tệp/giây, {jobs} tiến trình)",
                "en": "{ok}/{total} files converted, {failed} failed, {seconds} s ({rate} files/s, {jobs} jobs)"},
    "summary_written": {"vi": "đã ghi {count} tệp đầu ra", "en": "wrote {count} output files"},
    # --lang checked by every command (src/kehoach/options.py)
    "bad_lang": {"vi": "--lang không nhận giá trị {value!r}; chọn vi hoặc en",
                 "en": "--lang does not accept {value!r}; choose vi or en"},
    "interrupted": {"vi": "đã dừng theo yêu cầu; {count} tệp chưa xử lý, không có tệp đầu ra dở dang",
                    "en": "stopped on request; {count} files not processed, no partial output left"},
    # output safety, folder walk, non-plans (kehoach parse; src/kehoach/outputs.py, batch.py)
    "output_is_input": {"vi": "tệp đầu ra trùng với một tệp đầu vào; không ghi đè lên tệp đầu vào",
                        "en": "the output is one of the inputs; an input is never overwritten"},
    "output_is_input_at": {"vi": "tệp đầu ra {target} là một tệp đầu vào; không ghi đè, tệp này không được chuyển",
                           "en": "its output {target} is one of the inputs; not overwritten, this file is not converted"},
    "output_is_dir": {"vi": "tệp đầu ra là một thư mục", "en": "the output is a folder"},
    "output_is_socket": {"vi": "tệp đầu ra là một socket, không ghi vào được", "en": "the output is a socket; cannot write to it"},
    "output_is_block_device": {"vi": "tệp đầu ra là thiết bị khối (ổ đĩa); không ghi vào đó",
                               "en": "the output is a block device (a disk); refusing to write to it"},
    "output_write_failed": {"vi": "không ghi được tệp đầu ra ({error})", "en": "cannot write the output ({error})"},
    "os_enospc": {"vi": "hết chỗ trống trên thiết bị", "en": "no space left on the device"},
    "os_eacces": {"vi": "không có quyền ghi", "en": "permission denied"},
    "os_erofs": {"vi": "hệ thống tệp chỉ đọc", "en": "read-only file system"},
    "os_enotdir": {"vi": "một phần của đường dẫn không phải thư mục", "en": "a part of the path is not a folder"},
    "os_enametoolong": {"vi": "tên tệp quá dài", "en": "file name too long"},
    "os_eisdir": {"vi": "đó là một thư mục", "en": "it is a folder"},
    "os_enoent": {"vi": "không tạo được tệp ở đó: không có tệp hoặc thư mục như vậy",
                  "en": "cannot create a file there: no such file or folder"},
    "os_eio": {"vi": "lỗi vào/ra của thiết bị", "en": "input/output error"},
    "empty_folder": {"vi": "không có tệp nào để xử lý trong thư mục {folder} (tìm các đuôi: {suffixes})",
                     "en": "nothing to process in the folder {folder} (looked for: {suffixes})"},
    "empty_folder_skipped": {"vi": "{count} tệp .txt/.md bị bỏ qua vì không giống văn bản hành chính; dùng --all-text để lấy cả",
                             "en": "{count} .txt/.md files skipped as not administrative documents; --all-text takes them"},
    "summary_skipped": {"vi": "{count} tệp .txt/.md bị bỏ qua (không giống văn bản hành chính)",
                        "en": "{count} .txt/.md files skipped (not administrative documents)"},
    "summary_not_plans": {"vi": "{count} tệp không phải kế hoạch", "en": "{count} files are not a plan"},
    "summary_diagnostics": {"vi": "{count} tệp có chẩn đoán (nội dung trình phân tích chưa xếp được; xem \"diagnostics\")",
                            "en": "{count} files have diagnostics (content the parser could not place; see \"diagnostics\")"},
    "not_a_plan": {"vi": "lưu ý: {file}: không phải kế hoạch — loại văn bản: {name} ({doc_type})",
                   "en": "note: {file}: not a plan — document type: {name} ({doc_type})"},
    "strict_diagnostics": {"vi": "--strict: {count} tệp có chẩn đoán", "en": "--strict: {count} files have diagnostics"},
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
    "doctype_unknown": {"vi": "không xác định", "en": "not recognised"},
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

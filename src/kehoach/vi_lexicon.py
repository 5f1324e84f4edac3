"""Vietnamese syllable frequencies of plan text, for repairing legacy and garbled text.

Counted (lower case, NFC) over the five seed plans and the project's domain notes; used by
`kehoach.legacy` to recognise Vietnamese and to learn the glyph map of a garbled PDF text
layer. It is a sample of administrative Vietnamese, not a dictionary: absence of a word
means little, presence and frequency a lot.
"""

from __future__ import annotations

from functools import lru_cache

_DATA = """
các 381  công 255  chính 252  truyền 249  và 236  hành 217  hiện 210  của 209  thực 208  quan 197
tuyên 194  cơ 172  huyện 172  thông 160  xã 154  chức 151  về 149  vụ 139  tin 114  thị 113  phòng
112  trong 111  năm 101  đơn 99  nội 96  trên 96  tổ 95  quả 94  vị 94  kế 92  văn 92  hoạch 91
cách 88  cải 88  địa 88  tục 87  chủ 86  tác 83  ban 82  thủ 82  dân 81  số 81  hợp 79  quyết 77
với 76  động 76  nhiệm 75  dung 73  khai 73  cấp 68  kết 68  nhân 67  tỉnh 66  hình 65  việc 65
định 65  triển 62  theo 60  thời 58  bộ 57  nghiệp 57  trấn 57  hội 56  the 56  liên 54  trung 52  a
51  chỉ 50  giải 50  hoạt 50  phương 50  bàn 49  dịch 48  phối 46  thường 46  tiếp 46  doanh 45
kinh 45  kiểm 45  hiệu 44  mục 44  ngày 44  báo 43  tâm 43  xuyên 43  có 42  nhà 42  phát 42  đối 42
hướng 41  trình 41  một 40  nước 40  người 39  thể 39  trì 39  trực 39  pháp 38  soát 38  thức 37
nghị 36  ngành 36  nhận 36  tại 36  chuyên 35  hóa 35  dẫn 34  điện 34  cho 33  cáo 33  viên 33
tuyến 32  ủy 31  cao 30  cửa 30  quy 30  sự 30  tịch 30  được 30  đạo 30  cổng 29  dụng 29  dựng 29
luật 29  phí 29  tử 29  xây 29  đề 29  cá 28  nâng 28  cán 27  kiến 27  quyền 27  thanh 27  trách 27
tình 26  chế 25  cầu 25  sở 25  tham 25  bản 24  gian 24  hà 24  để 24  gia 23  đến 23  độ 23  qua
22  tháng 22  yêu 22  biến 21  này 21  bài 20  i 20  in 20  kịp 20  lý 20  lượng 20  những 20  phổ
20  sử 20  tiêu 20  tập 20  đầu 20  lực 19  quý 19  sơn 19  thi 19  trang 19  hệ 18  điểm 18  đổi 18
bưu 17  bảo 17  hoá 17  phản 17  sát 17  trọng 17  iii 16  là 16  năng 16  sách 16  tư 16  tượng 16
tế 16  từng 16  lập 15  nghĩa 15  phường 15  phẩm 15  quản 15  thống 15  vào 15  ánh 15  đăng 15
đảng 15  đẩy 15  đồng 15  chất 14  ghép 14  kèm 14  lồng 14  mức 14  rộng 14  trợ 14  tạo 14  tổng
14  cường 13  góp 13  hỗ 13  khi 13  kỳ 13  sáng 13  thuộc 13  tiến 13  trả 13  trị 13  tăng 13
viết 13  đảm 13  chương 12  giai 12  giao 12  ký 12  mạnh 12  mới 12  nam 12  phù 12  phủ 12  quốc
12  tài 12  tích 12  ích 12  đoạn 12  cực 11  giám 11  huy 11  ii 11  khó 11  khăn 11  làm 11  phận
11  quá 11  tra 11  tốt 11  ý 11  ở 11  an 10  bạch 10  chú 10  giữa 10  kỷ 10  lĩnh 10  minh 10
như 10  phân 10  phê 10  phần 10  phụ 10  quế 10  thành 10  trường 10  tờ 10  vực 10  xuất 10  điều
10  đoàn 10  đài 10  đích 10  đại 10  đầy 10  đủ 10  by 9  căn 9  cộng 9  cụ 9  dõi 9  giá 9  lục 9
mình 9  môi 9  not 9  nơi 9  on 9  sóng 9  sản 9  thao 9  tinh 9  toán 9  việt 9  án 9  đánh 9  đặc
9  bố 8  cung 8  cạnh 8  cận 8  cứ 8  duy 8  giáo 8  giản 8  lần 8  lợi 8  mỗi 8  nhật 8  nhằm 8  no
8  phục 8  quảng 8  sau 8  thuận 8  to 8  tranh 8  trò 8  tự 8  vai 8  vi 8  cập 7  e 7  each 7  ghi
7  hiểu 7  mắc 7  mặt 7  nguồn 7  niêm 7  phóng 7  toàn 7  trí 7  yết 7  điển 7  đã 7  đôn 7  đưa 7
đốc 7  đứng 7  ương 7  ứng 7  biệt 6  bằng 6  cuộc 6  cùng 6  danh 6  dự 6  hàng 6  hồ 6  liệu 6
lãnh 6  lưu 6  lộc 6  nghệ 6  ngãi 6  ra 6  rãi 6  sinh 6  sơ 6  thích 6  thẩm 6  tiện 6  trương 6
tải 6  vướng 6  vấn 6  áp 6  đáp 6  đất 6  đội 6  be 5  chi 5  chuyển 5  chúng 5  chịu 5  do 5  giới
5  gắn 5  hay 5  hoặc 5  hòa 5  hạn 5  khẩu 5  kiện 5  lòng 5  lớp 5  may 5  mô 5  môn 5  mưu 5  ngũ
5  nhóm 5  nhất 5  rà 5  sâu 5  thiệu 5  thoại 5  trước 5  trưởng 5  tìm 5  tính 5  tĩnh 5  tầm 5
tầng 5  xếp 5  y 5  đua 5  đây 5  đó 5  đóng 5  biên 4  biết 4  biểu 4  buổi 4  chưa 4  chấp 4
cương 4  duyệt 4  dục 4  giấy 4  gây 4  gấp 4  hiểm 4  huấn 4  hài 4  hạnh 4  hộ 4  khen 4  khác 4
lao 4  máy 4  ngân 4  nhiều 4  phiền 4  phích 4  phú 4  phúc 4  phạm 4  phải 4  quán 4  rơi 4  then
4  thiện 4  thúc 4  thưởng 4  tiên 4  triệt 4  tướng 4  tồn 4  từ 4  vận 4  xác 4  đai 4  đúng 4
độc 4  ấn 4  at 3  bình 3  băng 3  bổ 3  chuẩn 3  chí 3  chọn 3  cũng 3  cần 3  dương 3  gương 3
gặp 3  gọn 3  gửi 3  hoàn 3  hạng 3  hỏi 3  it 3  keep 3  khảo 3  kỹ 3  loại 3  lệ 3  lựa 3  mối 3
nghiệm 3  nguyên 3  nhu 3  nhập 3  nếu 3  nền 3  phiếu 3  phong 3  phán 3  seen 3  sắc 3  sắp 3  sổ
3  that 3  thác 3  thần 3  thọ 3  thứ 3  tiểu 3  trao 3  trích 3  trú 3  tuần 3  xem 3  xii 3  xét 3
xử 3  yếu 3  đạt 3  đột 3  binh 2  biện 2  bồi 2  can 2  chung 2  cân 2  cả 2  cấu 2  cử 2  dưỡng 2
dạy 2  giảng 2  gỡ 2  họp 2  hồi 2  hữu 2  khoá 2  không 2  kiên 2  lên 2  lại 2  lộ 2  mai 2  mẫu 2
mọi 2  ngoài 2  nguyễn 2  ngữ 2  nhiễu 2  nhũng 2  nhắc 2  nhở 2  ninh 2  nêu 2  nói 2  nắm 2  nộp 2
out 2  pa 2  phá 2  phó 2  phố 2  riêng 2  rôn 2  so 2  song 2  sung 2  sửa 2  tay 2  them 2  they 2
thoáng 2  thuc 2  thuế 2  tháo 2  thí 2  thảo 2  top 2  trào 2  trận 2  trật 2  tu 2  táng 2  tường
2  tỷ 2  u 2  uỷ 2  vũ 2  vững 2  đa 2  đang 2  đinh 2  ủng 2  bao 1  but 1  bày 1  bám 1  bìa 1
bảng 1  bật 1  bắt 1  cau 1  chiến 1  chuc 1  chấm 1  chỉnh 1  chứng 1  chữ 1  céng 1  cứu 1  cựu 1
da 1  di 1  dich 1  diễn 1  doi 1  dot 1  dưới 1  dạng 1  dộng 1  em 1  giúp 1  giảm 1  giờ 1  giữ 1
gọi 1  gồm 1  hien 1  hinh 1  hiệp 1  hoà 1  hách 1  héi 1  hôn 1  hút 1  hơn 1  hạ 1  hải 1  học 1
key 1  khung 1  khóa 1  khấu 1  khắc 1  khắp 1  khởi 1  kiểu 1  kêu 1  kính 1  kẹp 1  let 1  long 1
luận 1  lường 1  lịch 1  lối 1  lời 1  map 1  mean 1  muc 1  mạng 1  mềm 1  mời 1  nghiêm 1  nghóa 1
nghỉ 1  ngoại 1  nguyện 1  ngà 1  nhau 1  nhiem 1  nhớ 1  noi 1  non 1  nô 1  nông 1  nổi 1  nữ 1
phi 1  phiên 1  phép 1  phút 1  re 1  rõ 1  say 1  set 1  such 1  suất 1  sy 1  sàng 1  sáu 1  sân 1
sẵn 1  sẽ 1  sống 1  sức 1  than 1  thay 1  thiết 1  thiểu 1  thu 1  thuật 1  thách 1  thái 1  thân
1  thư 1  thương 1  thắc 1  thắng 1  thẻ 1  thỏa 1  tieu 1  tree 1  trà 1  trúc 1  trạng 1  trẻ 1
trệ 1  tuong 1  tuyền 1  tuyển 1  tuân 1  tuổi 1  ty 1  tái 1  tên 1  tùy 1  túc 1  tạm 1  tấm 1
tấn 1  tất 1  tần 1  tọa 1  tối 1  tủ 1  vu 1  vì 1  xaõ 1  xí 1  xóa 1  yeu 1  ít 1  đo 1  đàm 1
đào 1  đường 1  đặt 1  đọc 1  đời 1  đức 1  ưu 1
"""


@lru_cache(maxsize=1)
def frequencies() -> dict[str, int]:
    """syllable -> count."""
    out: dict[str, int] = {}
    tokens = _DATA.split()
    for word, count in zip(tokens[::2], tokens[1::2], strict=True):
        out[word] = out.get(word, 0) + int(count)
    return out


# Word pairs (two syllables written next to each other, "định_kỳ 12") counted the same way
# over the same texts (lower case, NFC, only spaces between the two words; pairs seen at
# least twice). They tell apart letters the single syllables cannot: "kỳ", "ký", "kỷ" and
# "kỹ" are all words, "định kỳ" and "kỷ luật" are what plans write.
_PAIRS = """
thực_hiện 202  tuyên_truyền 188  hành_chính 187  cơ_quan 145  đơn_vị 94  tổ_chức 93  thông_tin 87
cải_cách 85  kế_hoạch 85  công_tác 77  thủ_tục 75  tục_hành 75  nội_dung 72  cách_hành 68
các_cơ 64  kết_quả 63  các_xã 57  thị_trấn 57  nhiệm_vụ 49  thị_xã 49  địa_bàn 49  hoạt_động 48
triển_khai 48  ubnd_huyện 48  ubnd_các 47  phối_hợp 46  trên_địa 46  giải_quyết 45  dịch_vụ 44
thường_xuyên 43  doanh_nghiệp 39  nhà_nước 38  truyền_thông 38  địa_phương 37  trung_tâm 35
liên_quan 34  quả_thực 34  hướng_dẫn 33  hợp_với 33  kiểm_soát 33  vụ_công 33  các_phòng 32
nhân_dân 32  truyền_về 32  trực_tuyến 32  hiệu_quả 31  văn_phòng 31  báo_cáo 30  chủ_trì 30
công_chức 30  chính_công 29  một_cửa 29  xây_dựng 29  cá_nhân 28  người_dân 28  nâng_cao 28
chủ_tịch 27  điện_tử 27  cán_bộ 26  kinh_phí 26  quy_định 26  trách_nhiệm 26  về_cchc 26
chính_năm 25  các_cấp 25  viên_chức 25  các_nội 24  công_trực 24  thời_gian 24  tình_hình 24
chỉ_đạo 23  phòng_hđnd 23  soát_thủ 23  ubnd_tỉnh 23  văn_hóa 23  với_các 23  bàn_huyện 22
hình_thức 22  nội_vụ 22  pháp_luật 22  xã_hội 22  yêu_cầu 22  hoạch_này 21  tịch_ubnd 21
của_các 20  kịp_thời 20  phổ_biến 20  sử_dụng 20  tiếp_nhận 20  trong_năm 20  tác_cải 20
ubnd_ngày 20  và_ubnd 20  đối_với 20  chỉ_số 19  gian_thực 19  phòng_nội 19  phòng_văn 19
theo_kế 19  tác_tuyên 19  chính_trên 18  chức_thực 18  công_khai 18  của_tỉnh 18  của_ubnd 18
hiện_công 18  ủy_ban 18  hđnd_và 17  tham_gia 17  tin_điện 17  truyền_thanh 17  nhiệm_của 16
quan_hành 16  quyết_tthc 16  trong_giải 16  tác_cchc 16  và_thông 16  văn_bản 16  ban_hành 15
ban_nhân 15  bàn_tỉnh 15  chuyên_mục 15  của_cơ 15  liên_thông 15  phản_ánh 15  quyết_thủ 15
quyết_định 15  trong_việc 15  truyền_cchc 15  văn_hoá 15  về_công 15  chính_nhà 14  chế_một 14
cơ_chế 14  của_huyện 14  hoạch_số 14  hệ_thống 14  khai_thực 14  lồng_ghép 14  phát_triển 14
quan_phối 14  trên_cổng 14  và_doanh 14  và_kết 14  xuyên_trong 14  đối_tượng 14  cáo_kết 13
cửa_liên 13  dân_và 13  hiện_thủ 13  hình_triển 13  hỗ_trợ 13  quan_chủ 13  quản_lý 13
trên_các 13  về_hoạt 13  động_kiểm 13  ban_huyện 12  cchc_của 12  chính_phủ 12  chất_lượng 12
chức_trong 12  các_tổ 12  công_dân 12  công_việc 12  giai_đoạn 12  kèm_theo 12  mục_tiêu 12
mức_độ 12  phù_hợp 12  sáng_kiến 12  thông_về 12  truyền_các 12  truyền_cải 12  trả_kết 12
tăng_cường 12  về_cải 12  định_kỳ 12  bưu_chính 11  bản_chỉ 11  bộ_phận 11  chính_quyền 11
chính_sách 11  chính_trị 11  chương_trình 11  các_đơn 11  công_ích 11  dung_tuyên 11  giám_sát 11
hiện_cơ 11  hiện_kế 11  khó_khăn 11  nghị_quyết 11  nhận_và 11  quá_trình 11  sự_nghiệp 11
thông_trong 11  trang_thông 11  tâm_hành 11  và_các 11  vụ_bưu 11  đẩy_mạnh 11  định_số 11
đổi_mới 11  cchc_năm 10  cơ_sở 10  của_chính 10  hiện_nhiệm 10  hội_nghị 10  kiểm_tra 10
lĩnh_vực 10  minh_bạch 10  mục_đích 10  năng_lực 10  quan_đến 10  soát_tthc 10  thông_qua 10
tiếp_tục 10  trong_quá 10  tập_trung 10  việc_thực 10  vị_liên 10  đầy_đủ 10  động_của 10
chủ_động 9  các_quy 9  có_liên 9  công_lập 9  cấp_xã 9  cổng_ttđt 9  cụ_thể 9  của_thị 9
huyện_sơn 9  kinh_tế 9  môi_trường 9  nghiệp_công 9  phát_huy 9  quan_nhà 9  quế_sơn 9  sơn_hà 9
theo_dõi 9  theo_quy 9  tin_bài 9  tác_kiểm 9  tại_trung 9  ubnd_thị 9  và_trả 9  vị_sự 9
vụ_cchc 9  đánh_giá 9  đầu_tư 9  bài_về 8  cao_chất 8  chính_và 8  cung_cấp 8  cạnh_tranh 8
cổng_thông 8  của_chủ 8  của_tổ 8  duy_trì 8  hoá_và 8  hoạch_tuyên 8  hóa_và 8  khi_có 8
kiến_nghị 8  lực_cạnh 8  phận_tiếp 8  qua_dịch 8  sản_phẩm 8  thể_thao 8  thức_tuyên 8  tiếp_cận 8
triển_kinh 8  truyền_trên 8  tích_cực 8  tỉnh_quảng 8  vai_trò 8  và_giám 8  và_truyền 8  vụ_của 8
vụ_và 8  đoàn_thể 8  đảm_bảo 8  chuyên_đề 7  các_dịch 7  các_lĩnh 7  các_ngành 7  công_huyện 7
công_vụ 7  căn_cứ 7  cập_nhật 7  dung_công 7  góp_phần 7  hoạch_cải 7  huyện_quế 7  hội_thi 7
khai_các 7  khai_và 7  một_số 7  nghĩa_vụ 7  người_đứng 7  nhận_thức 7  niêm_yết 7  phát_sóng 7
phân_công 7  phí_cchc 7  phương_và 7  phục_vụ 7  quan_trọng 7  quyết_số 7  quyền_các 7
trong_các 7  trung_ương 7  trình_thực 7  tâm_văn 7  ul_style 7  vh_tt 7  việt_nam 7  và_nhân 7
và_tổ 7  về_các 7  vị_chủ 7  điển_hình 7  đôn_đốc 7  đăng_ký 7  định_hướng 7  đồng_thời 7
đứng_đầu 7  bưu_điện 6  cchc_trong 6  cchc_trên 6  cho_cá 6  cho_người 6  chủ_trương 6  chức_các 6
chức_và 6  cuộc_thi 6  các_hoạt 6  các_hình 6  các_hội 6  các_phương 6  của_cá 6  của_cán 6
của_công 6  của_người 6  của_đảng 6  danh_mục 6  dân_các 6  dụng_các 6  dựng_và 6  ghi_chú 6
gia_và 6  hiện_dịch 6  hành_kèm 6  hành_kế 6  hồ_sơ 6  khai_công 6  kinh_doanh 6  kỷ_luật 6
luật_của 6  lãnh_đạo 6  lộc_hà 6  phí_thực 6  phóng_sự 6  phương_tiện 6  quan_thực 6  quả_cấp 6
quả_hoạt 6  quảng_ngãi 6  rộng_rãi 6  thanh_thị 6  thuận_lợi 6  thích_hợp 6  thống_chính 6
tin_và 6  tiến_trình 6  tiện_thông 6  trong_thực 6  truyền_hình 6  trên_môi 6  trình_tổng 6
trường_điện 6  trọng_tâm 6  tuyến_mức 6  tài_chính 6  tài_liệu 6  tâm_vh 6  tỉnh_về 6  tổng_hợp 6
tổng_thể 6  tử_huyện 6  viết_tin 6  việc_tuyên 6  và_thực 6  và_trách 6  vướng_mắc 6  về_kết 6
với_việc 6  đăng_tải 6  đặc_biệt 6  động_truyền 6  biệt_là 5  bảo_đảm 5  bố_trí 5  cao_nhận 5
chuyên_môn 5  chức_hội 5  các_văn 5  cấp_tỉnh 5  cổng_dịch 5  của_nhà 5  dung_cchc 5  dung_về 5
dân_chủ 5  dựng_kế 5  gắn_với 5  hiện_các 5  hiện_theo 5  hiện_tuyên 5  hiện_và 5  hiệu_lực 5
huyện_về 5  huyện_ủy 5  hà_tĩnh 5  hình_thực 5  hình_và 5  mô_hình 5  nước_và 5  nước_về 5
pci_và 5  phát_thanh 5  phương_mình 5  phương_thức 5  phụ_lục 5  quyết_công 5  quý_iii 5
quốc_gia 5  rà_soát 5  sát_tiến 5  số_lượng 5  tham_mưu 5  thanh_cơ 5  thanh_toán 5  thao_huyện 5
thi_sáng 5  thi_đua 5  thuộc_thẩm 5  thẩm_quyền 5  thể_cchc 5  tin_đại 5  toán_trực 5  trì_thực 5
trưởng_các 5  trọng_của 5  tthc_cho 5  tâm_truyền 5  tìm_hiểu 5  tư_pháp 5  tầm_quan 5  tập_thể 5
việc_triển 5  và_ddci 5  về_việc 5  với_phòng 5  đóng_góp 5  đơn_giản 5  đại_chúng 5  đề_nghị 5
đề_án 5  định_của 5  đối_thoại 5  đội_ngũ 5  ứng_dụng 5  and_the 4  ban_chấp 4  ban_tuyên 4
biến_pháp 4  bài_viết 4  bàn_thị 4  bảo_hiểm 4  bộ_máy 4  cchc_nhà 4  cho_các 4  cho_tổ 4
chuyên_trang 4  chính_các 4  chính_của 4  chú_trọng 4  chấp_hành 4  chịu_trách 4  chức_có 4
chức_đối 4  các_buổi 4  các_chủ 4  các_cuộc 4  các_pct 4  các_sở 4  các_thông 4  các_thủ 4
cách_thủ 4  cáo_chủ 4  có_hiệu 4  có_kh 4  công_nghệ 4  cấp_huyện 4  của_ban 4  của_pháp 4
của_trung 4  của_từng 4  dung_và 4  dục_pháp 4  dụng_công 4  dụng_dịch 4  giá_năng 4  giáo_dục 4
giải_pháp 4  giản_hóa 4  giới_thiệu 4  giữa_cơ 4  gây_khó 4  hdnd_và 4  hiện_cchc 4  hiện_nghị 4
hiện_tốt 4  hoạch_cchc 4  huyện_lộc 4  hà_về 4  hài_lòng 4  hành_vi 4  hướng_đến 4  kh_của 4
khen_thưởng 4  kiến_cchc 4  kỷ_cương 4  lao_động 4  luật_về 4  lòng_của 4  lý_của 4  lượng_giải 4
lớp_nhân 4  lợi_cho 4  nghiệp_và 4  nghệ_thông 4  ngân_sách 4  ngũ_cán 4  nhân_và 4  nơi_nhận 4
nước_với 4  phiền_hà 4  phê_duyệt 4  phòng_hdnd 4  phòng_tư 4  phòng_ubnd 4  quán_triệt 4  quý_i 4
quả_các 4  rãi_về 4  sách_pháp 4  sâu_rộng 4  số_năng 4  số_đánh 4  thao_và 4  thi_tìm 4
thông_báo 4  thúc_đẩy 4  thủ_tướng 4  tin_huyện 4  tin_về 4  tiến_độ 4  tranh_cấp 4  trong_công 4
trong_hoạt 4  trong_đó 4  truyền_công 4  truyền_kết 4  truyền_năm 4  truyền_sử 4  truyền_theo 4
trình_cchc 4  trực_tiếp 4  tthc_thuộc 4  tthc_tại 4  ttđt_các 4  tuyên_giáo 4  tâm_hcc 4
tướng_chính 4  tại_các 4  tạo_thuận 4  tầng_lớp 4  tập_huấn 4  tồn_tại 4  tờ_gấp 4  tờ_rơi 4
tục_đổi 4  từng_ngành 4  tử_của 4  việc_giải 4  việc_tiếp 4  và_huyện 4  vấn_đề 4  vận_động 4
về_thực 4  vị_phối 4  vị_và 4  với_cơ 4  với_sự 4  vụ_cải 4  y_tế 4  yết_công 4  áp_phích 4
ý_kiến 4  ý_nghĩa 4  điều_hành 4  điều_kiện 4  đài_phát 4  đây_là 4  đất_đai 4  đầu_các 4
đến_năm 4  để_người 4  định_về 4  động_tuyên 4  ấn_phẩm 4  a_cell 3  ban_ngành 3  biên_chế 3
biến_các 3  biến_về 3  biểu_dương 3  báo_chí 3  bảo_phù 3  bộ_chỉ 3  bộ_thủ 3  cao_hiệu 3
cchc_vào 3  chuẩn_hóa 3  chính_tại 3  chính_xác 3  chế_độ 3  chỉ_tiêu 3  chủ_nghĩa 3  chức_bộ 3
chức_chính 3  chức_làm 3  chức_năng 3  chức_tham 3  chức_triển 3  chức_tuyên 3  chức_về 3
chức_đoàn 3  các_bài 3  các_chuyên 3  các_mô 3  các_nhiệm 3  các_tin 3  các_tầng 3  các_ấn 3
cáo_viên 3  có_khó 3  có_nhu 3  có_trách 3  công_bố 3  công_quốc 3  công_sở 3  công_thực 3
công_ttđt 3  cùng_cấp 3  cũng_như 3  cải_thiện 3  cấp_ủy 3  cộng_hòa 3  của_đơn 3  của_địa 3
dung_kế 3  dân_huyện 3  dân_trên 3  dương_những 3  dẫn_của 3  dẫn_người 3  dẫn_thực 3  dụng_kinh 3
dự_toán 3  ghép_nội 3  ghép_trong 3  ghép_vào 3  gia_thực 3  giao_dịch 3  giáo_huyện 3
giản_biên 3  giữa_các 3  hiểu_về 3  hiện_có 3  hiện_cải 3  hiện_tthc 3  hiện_việc 3  hiện_đại 3
hoàn_thành 3  hoá_thông 3  hoạch_truyền 3  huy_dân 3  huy_hiệu 3  huyện_và 3  hà_cho 3  hành_của 3
hành_trung 3  hình_huyện 3  hình_tiên 3  hòa_xã 3  hóa_tthc 3  hạn_chế 3  hạnh_phúc 3  hỏi_đáp 3
hội_chủ 3  hội_của 3  hợp_thực 3  in_one 3  khai_nhiệm 3  khai_thác 3  khảo_sát 3  kinh_nghiệm 3
kiến_cải 3  kiến_về 3  kiến_đóng 3  kết_hợp 3  kỳ_về 3  liệu_tuyên 3  là_tthc 3  lý_phản 3
lựa_chọn 3  may_be 3  mạnh_tuyên 3  mặt_tích 3  mỗi_tuần 3  một_lần 3  mục_cchc 3  nam_thị 3
nghiệp_tham 3  nghiệp_về 3  nghiệp_vụ 3  nghị_của 3  ngành_cấp 3  ngành_liên 3  nhiều_hình 3
nhu_cầu 3  nhân_rộng 3  nhân_trong 3  nhóm_đối 3  như_sau 3  nhằm_nâng 3  nhằm_tạo 3  những_hành 3
những_mặt 3  nước_theo 3  nền_hành 3  one_plan 3  pct_ubnd 3  phán_những 3  pháp_lý 3  phê_bình 3
phê_phán 3  phí_cấp 3  phú_thọ 3  phạm_vi 3  phần_nâng 3  phận_một 3  qua_các 3  quan_hệ 3
quan_triển 3  quyết_các 3  quyền_giải 3  quả_chuyên 3  quả_của 3  quả_giải 3  sách_nhà 3
sát_việc 3  sóng_định 3  sắp_xếp 3  số_nhiệm 3  sở_nội 3  sự_phát 3  sự_phục 3  theo_phân 3
thuộc_huyện 3  thông_hỗ 3  thống_truyền 3  thời_lượng 3  thời_những 3  thời_điểm 3  thức_thông 3
tinh_giản 3  tinh_gọn 3  tinh_thần 3  tiên_tiến 3  tiêu_cực 3  tiêu_và 3  tiếp_phát 3  tiểu_phẩm 3
tranh_các 3  trao_đổi 3  triển_chính 3  trong_hệ 3  truyền_kịp 3  truyền_phổ 3  truyền_rộng 3
truyền_thích 3  truyền_thực 3  truyền_trực 3  trên_hệ 3  trì_chuyên 3  trình_độ 3  trấn_và 3
trợ_pháp 3  trực_quan 3  tthc_năm 3  tthc_trong 3  ttđt_huyện 3  tác_thông 3  tác_truyền 3
tác_viên 3  tác_động 3  tại_bộ 3  tại_cơ 3  tại_quyết 3  tại_địa 3  tỉnh_ban 3  tỉnh_phú 3
từ_nguồn 3  từng_cơ 3  từng_nhóm 3  tự_do 3  vi_quản 3  viết_sáng 3  việc_giữa 3  việc_tham 3
việc_truyền 3  và_công 3  và_của 3  và_giải 3  và_nhiệm 3  và_năm 3  và_phát 3  về_kiểm 3
về_quy 3  về_tiếp 3  về_tthc 3  về_tình 3  về_vai 3  vị_có 3  vị_mình 3  vị_thuộc 3  với_tổ 3
với_từng 3  vụ_hành 3  vụ_được 3  xuyên_cập 3  xã_xây 3  xử_lý 3  ánh_chính 3  điểm_và 3
điện_huyện 3  đài_truyền 3  đã_đề 3  đưa_nội 3  đưa_tin 3  được_ban 3  được_phân 3  đạo_các 3
đầu_cơ 3  đặc_điểm 3  đến_tổ 3  đề_ra 3  đề_về 3  đề_xuất 3  để_kịp 3  để_tổng 3  định_hành 3
độc_lập 3  động_các 3  động_phối 3  ở_các 3  ủy_đảng 3  a_row 2  an_ninh 2  an_sinh 2  an_toàn 2
ban_mttq 2  ban_mặt 2  biến_giáo 2  biện_pháp 2  buổi_gặp 2  bài_tuyên 2  bàn_quản 2  băng_rôn 2
bạch_các 2  bản_có 2  bản_tin 2  bảo_an 2  bằng_nhiều 2  bồi_dưỡng 2  bổ_sung 2  bộ_tthc 2
cao_dân 2  cao_tinh 2  cao_trách 2  cbccv_trong 2  cchc_giai 2  cchc_khi 2  cchc_lồng 2  cchc_ở 2
chi_thực 2  cho_công 2  cho_hoạt 2  chuyên_nghiệp 2  chuyển_đổi 2  chính_chuẩn 2  chính_hợp 2
chính_nhằm 2  chính_qua 2  chính_theo 2  chính_trong 2  chưa_hiệu 2  chưa_tốt 2  chỉ_thị 2
chọn_các 2  chức_hà 2  chức_tiếp 2  come_out 2  cp_ngày 2  các_công 2  các_huyện 2  các_nguồn 2
các_quan 2  các_sáng 2  các_trang 2  các_tthc 2  các_địa 2  các_đối 2  cách_chế 2  cách_làm 2
cách_tthc 2  cáo_kiểm 2  cân_đối 2  có_những 2  có_thành 2  có_yêu 2  công_của 2  công_thị 2
cương_hành 2  cường_công 2  cường_kỷ 2  cường_tuyên 2  cấp_cho 2  cấp_các 2  cấp_giai 2
cấp_thông 2  cấp_thị 2  cấp_trong 2  cấp_trên 2  cấp_và 2  cấp_với 2  cầu_của 2  cận_các 2
cộng_tác 2  cộng_đồng 2  của_cbccv 2  của_hệ 2  của_hội 2  của_thủ 2  của_việc 2  của_xã 2
của_đất 2  cứ_nội 2  cử_công 2  cực_hoặc 2  cực_phối 2  cực_tham 2  does_not 2  dung_cải 2
dung_danh 2  dung_hiện 2  dung_theo 2  dung_thông 2  dung_đã 2  dung_được 2  duyệt_tại 2
dân_tham 2  dân_trí 2  dân_về 2  dạy_tại 2  dẫn_các 2  dẫn_việc 2  dựng_chuyên 2  dựng_các 2
dựng_nền 2  followed_by 2  gia_hội 2  gia_làm 2  giao_một 2  giá_thủ 2  giảng_dạy 2  giữa_nhà 2
góp_của 2  góp_ý 2  gương_điển 2  gặp_mặt 2  hiện_dân 2  hiện_hoạt 2  hiện_phong 2  hiện_qua 2
hiện_thông 2  hiện_tiếp 2  hiện_tượng 2  hiện_văn 2  hiện_về 2  hoá_công 2  hoặc_chưa 2  huy_vai 2
huy_động 2  huyện_năm 2  huyện_theo 2  huyện_tiến 2  hà_năm 2  hàng_năm 2  hàng_quý 2
hàng_tháng 2  hóa_kế 2  hóa_trên 2  hđnd_huyện 2  hệ_giữa 2  hồi_của 2  hội_nhập 2  hội_thảo 2
hội_đảng 2  hội_đồng 2  hợp_pháp 2  hợp_tham 2  hợp_tuyên 2  hữu_nhà 2  iii_năm 2  in_another 2
is_a 2  its_own 2  its_text 2  keep_the 2  khai_kế 2  khai_sinh 2  khai_toàn 2  khai_tử 2
khi_thực 2  khi_được 2  khoá_xii 2  khác_để 2  khẩu_hiệu 2  kiên_quyết 2  kiến_trong 2
kiến_tường 2  kiểm_điểm 2  kiện_cho 2  ký_khai 2  ký_thường 2  kỳ_báo 2  kỳ_cung 2  kỳ_của 2
kỹ_năng 2  liên_tục 2  luật_tại 2  luật_đối 2  là_cán 2  là_kế 2  là_nhiệm 2  là_xây 2  làm_cộng 2
làm_hay 2  làm_trong 2  làm_tốt 2  làm_việc 2  lý_và 2  lượng_chuyên 2  lượng_phát 2  lượng_và 2
lập_dự 2  lập_đối 2  lộ_trình 2  lục_kèm 2  lực_tài 2  mai_táng 2  mttq_việt 2  máy_của 2
mưu_báo 2  mạnh_cải 2  mặt_trận 2  mối_quan 2  mỗi_quý 2  mỗi_tháng 2  mới_nội 2  mới_phương 2
mục_cải 2  mục_kèm 2  mục_nội 2  mục_phát 2  mức_chi 2  nghiệm_hay 2  nghiệp_biết 2  nghiệp_của 2
nghiệp_tiếp 2  nghiệp_trong 2  nghiệp_đang 2  nghĩa_việt 2  nghị_ban 2  nghị_báo 2  nghị_tuyên 2
nghị_về 2  nghị_ủy 2  ngoài_ra 2  nguyên_nhân 2  nguồn_lực 2  nguồn_ngân 2  ngành_trung 2
ngành_và 2  ngày_tháng 2  người_lao 2  nhiệm_chỉ 2  nhiệm_chủ 2  nhiệm_trước 2  nhà_đầu 2  nhà_ở 2
nhân_có 2  nhân_cũng 2  nhân_về 2  nhũng_nhiễu 2  như_tình 2  nhất_là 2  nhắc_nhở 2  những_hiện 2
những_kết 2  những_nơi 2  những_tập 2  những_điển 2  number_cell 2  này_thành 2  này_từ 2
này_và 2  nơi_làm 2  nếu_có 2  nội_bộ 2  nộp_hồ 2  out_as 2  page_break 2  pages_with 2
par_index 2  phong_trào 2  pháp_khác 2  phát_các 2  phát_hiện 2  phân_cấp 2  phòng_tài 2
phòng_vh 2  phương_chịu 2  phương_có 2  phương_gắn 2  phương_liên 2  phương_theo 2  phản_hồi 2
phần_thúc 2  phần_và 2  phẩm_thông 2  phủ_về 2  phủ_điện 2  qua_báo 2  qua_phòng 2  quan_báo 2
quan_chuyên 2  quan_quy 2  quan_truyền 2  quan_điểm 2  quan_được 2  quyết_của 2  quyết_phê 2
quyết_đại 2  quyền_quản 2  quyền_điện 2  quả_công 2  quả_quản 2  quả_triển 2  quả_trong 2
quả_tuyên 2  quả_với 2  quả_đánh 2  quả_đạt 2  quản_trị 2  quảng_nam 2  quốc_phòng 2  raw_text 2
rộng_các 2  sau_khi 2  sinh_hoạt 2  sinh_xã 2  sách_của 2  sát_thực 2  sóng_truyền 2  sắc_trong 2
số_hiệu 2  số_hài 2  số_pci 2  số_vấn 2  sở_hữu 2  sở_thông 2  sửa_đổi 2  sự_trên 2
text_exports 2  the_header 2  the_number 2  the_plan 2  the_raw 2  the_signature 2  the_type 2
theo_nội 2  theo_từng 2  thi_viết 2  thiệu_rộng 2  thoại_giữa 2  thoại_trực 2  thành_phố 2
thành_tích 2  tháng_và 2  tháo_gỡ 2  thí_điểm 2  thông_sát 2  thông_theo 2  thông_thoáng 2
thường_trú 2  thể_cùng 2  thể_huyện 2  thể_hóa 2  thị_số 2  thị_ủy 2  thống_thông 2  thời_cho 2
thời_tổng 2  thời_đưa 2  thủ_trưởng 2  thứ_hạng 2  thức_chỉ 2  thức_của 2  thức_hoạt 2
thức_được 2  thực_tế 2  tin_công 2  tin_của 2  tin_thị 2  tin_trong 2  tin_trên 2  tin_tuyên 2
tin_để 2  tiêu_cụ 2  tiếp_cho 2  toàn_bộ 2  toàn_trình 2  toàn_xã 2  toán_kinh 2  tra_công 2
tra_việc 2  trang_cchc 2  triển_và 2  trong_cơ 2  trong_nội 2  trong_tiếp 2  trung_thông 2
trung_triển 2  trung_vào 2  trung_đổi 2  truyền_của 2  truyền_người 2  truyền_những 2
truyền_nâng 2  truyền_sâu 2  truyền_tổ 2  truyền_vai 2  truyền_vận 2  truyền_đầy 2  trào_thi 2
trên_cơ 2  trên_sóng 2  trên_trang 2  trên_đài 2  trên_đây 2  trì_và 2  trình_giải 2
trình_giảng 2  trình_phát 2  trò_của 2  trò_quan 2  trương_của 2  trước_ngày 2  trước_ubnd 2
trường_đầu 2  trấn_triển 2  trấn_tổ 2  trận_tổ 2  trật_tự 2  trị_tinh 2  trị_và 2  trọng_giới 2
trợ_công 2  trợ_hoạt 2  tt_huyện 2  tt_và 2  ttg_ngày 2  tthc_liên 2  tthc_qua 2  tthc_thực 2
tthc_trên 2  tthc_được 2  tthc_đối 2  ttđt_của 2  tuyến_toàn 2  tuyến_trên 2  tuyến_với 2
tuyến_được 2  tuần_một 2  tâm_là 2  tích_hợp 2  tích_xuất 2  tính_chất 2  tĩnh_thi 2  tư_vấn 2
tượng_là 2  tượng_tiêu 2  tượng_tuyên 2  tạo_sự 2  tạo_điều 2  tạo_động 2  tế_của 2  tỉnh_công 2
tỉnh_hà 2  tỉnh_theo 2  tỉnh_và 2  tốt_các 2  tổ_quốc 2  tục_nâng 2  tục_tuyên 2  từng_cấp 2
tự_an 2  tỷ_lệ 2  uỷ_ban 2  vi_nhũng 2  việc_cải 2  việc_kiểm 2  việc_rà 2  việc_trong 2
việc_xuất 2  và_cơ 2  và_dịch 2  và_hành 2  và_hình 2  và_hướng 2  và_hỏi 2  và_hỗ 2  và_kịp 2
và_lồng 2  và_nâng 2  và_phản 2  và_triển 2  và_trên 2  và_tt 2  và_tác 2  và_tại 2  và_tồn 2
và_từng 2  và_văn 2  và_xây 2  và_địa 2  vào_chương 2  vào_các 2  vào_thời 2  vào_việc 2
văn_nghệ 2  về_ban 2  về_hiệu 2  về_kinh 2  về_mối 2  về_nâng 2  về_phòng 2  về_rà 2  về_thủ 2
về_tầm 2  về_ubnd 2  về_ý 2  vị_cấp 2  với_cán 2  với_lộ 2  với_người 2  với_nhiệm 2  với_tuyên 2
với_tính 2  với_yêu 2  với_điều 2  với_đài 2  vụ_kiểm 2  vụ_tuyên 2  vụ_đột 2  with_a 2
with_the 2  xem_xét 2  xii_về 2  xuất_sắc 2  xuất_ubnd 2  xã_kiến 2  xã_phường 2  xã_và 2  xã_để 2
xếp_tổ 2  án_của 2  án_thí 2  ánh_về 2  áp_dụng 2  đang_hoạt 2  điểm_bưu 2  điểm_cán 2
điểm_thích 2  điện_văn 2  đua_thực 2  đáp_trực 2  đáp_ứng 2  đã_thực 2  đó_tập 2  đăng_tin 2
được_chủ 2  được_giao 2  được_huy 2  được_phê 2  được_tư 2  được_và 2  đại_hóa 2  đại_hội 2
đạo_của 2  đạt_được 2  đảm_công 2  đảng_bộ 2  đảng_các 2  đất_nước 2  đầu_năm 2  đẩy_phát 2
đẩy_sự 2  đến_công 2  đến_phát 2  đến_thủ 2  để_hỗ 2  để_nhân 2  địa_chỉ 2  định_mức 2  định_tại 2
đồng_bộ 2  đổi_số 2  độ_chuyên 2  độ_công 2  động_cải 2  động_cổng 2  động_hiệu 2  động_lực 2
động_thực 2  động_triển 2  động_trên 2  động_xây 2  đột_phá 2  đủ_các 2  ương_khoá 2  ương_và 2
ở_cơ 2  ủng_hộ 2
"""


@lru_cache(maxsize=1)
def pairs() -> dict[str, int]:
    """ "word word" -> count."""
    out: dict[str, int] = {}
    tokens = _PAIRS.split()
    for pair, count in zip(tokens[::2], tokens[1::2], strict=True):
        text = pair.replace("_", " ")
        out[text] = out.get(text, 0) + int(count)
    return out

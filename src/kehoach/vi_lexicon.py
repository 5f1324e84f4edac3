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
    for word, count in zip(tokens[::2], tokens[1::2]):
        out[word] = out.get(word, 0) + int(count)
    return out

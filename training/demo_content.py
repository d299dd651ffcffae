"""Lesson text and quizzes of the demo courses (Vietnamese, practical, for household sellers)."""


def mc(question: str, choices: list[str], correct: int, explanation: str, why: dict[int, str] | None = None):
    """`why`: for a wrong answer's index, why it is wrong (shown to a learner who picks it,
    also after a failed attempt, so it must not give the right answer away)."""
    why = why or {}
    return ("multiple_choice", {
        "question": question, "explanation": explanation,
        "choices": [{"text": text, "correct": i == correct, "explanation": why.get(i, "")}
                    for i, text in enumerate(choices)],
    })


def tf(statement: str, is_true: bool, explanation: str):
    return ("true_false", {"statement": statement, "is_true": is_true, "explanation": explanation})


def steps(title: str, items: list[tuple[str, str]]):
    return ("steps", {"title": title, "steps": [{"title": t, "text": f"<p>{x}</p>" if x else ""} for t, x in items]})


def callout(tone: str, title: str, text: str):
    return ("callout", {"tone": tone, "title": title, "text": f"<p>{text}</p>"})


PHOTO_LIGHT = {
    "title": "Ánh sáng và phông nền", "slug": "anh-sang-va-phong-nen",
    "summary": "Chuẩn bị chỗ chụp trong nhà với ánh sáng cửa sổ và một tấm phông đơn giản.",
    "body": [
        ("text", "<p>Người mua trực tuyến không cầm được sản phẩm trên tay: họ chỉ có tấm ảnh. Một tấm ảnh sáng, "
                 "rõ, đúng màu giúp khách tin rằng hũ mật ong, gói trà hay chiếc giỏ mây của bạn đúng như mô tả. "
                 "Ảnh tối, nhòe hoặc lẫn đồ đạc phía sau làm khách lướt qua, dù sản phẩm tốt đến đâu.</p>"
                 "<p>Bạn không cần máy ảnh đắt tiền. Điện thoại thông thường chụp đủ đẹp nếu có <b>ánh sáng tốt</b> "
                 "và <b>phông nền gọn</b>. Hai thứ này gần như miễn phí.</p>"),
        ("heading", "Dùng ánh sáng tự nhiên"),
        ("text", "<p>Chụp cạnh cửa sổ hoặc hiên nhà vào buổi sáng (khoảng 8–10 giờ) hay chiều muộn, khi nắng không "
                 "chiếu thẳng. Ánh sáng gián tiếp mềm, ít bóng gắt và giữ đúng màu sản phẩm. Tránh chụp dưới bóng "
                 "đèn vàng trong nhà: ảnh sẽ ngả màu cam, mật ong trông sẫm, trà xanh thành màu nâu.</p>"
                 "<p>Nếu một bên sản phẩm bị tối, dựng một tấm bìa trắng hoặc tờ giấy A3 ở phía đối diện cửa sổ để "
                 "hắt sáng lại. Đây là cách các thợ ảnh chuyên nghiệp vẫn làm, chỉ tốn vài nghìn đồng.</p>"),
        ("heading", "Phông nền gọn gàng"),
        ("text", "<p>Dùng một tấm vải trơn, tờ giấy lớn màu trắng hoặc kem, hay mặt bàn gỗ sạch. Uốn cong tờ giấy từ "
                 "mặt bàn lên tường để không thấy đường gấp phía sau. Dọn hết ấm chén, dây điện, vỏ hộp ra khỏi khung "
                 "hình. Có thể thêm một vài đạo cụ gợi nguồn gốc sản phẩm — vài lá chè tươi cạnh gói trà, bông lúa "
                 "cạnh túi gạo — nhưng đừng để đạo cụ lấn át sản phẩm.</p>"),
        steps("Dựng góc chụp trong 10 phút", [
            ("Chọn chỗ gần cửa sổ", "Tắt đèn trong phòng để không bị lẫn hai loại ánh sáng."),
            ("Trải phông", "Giấy hoặc vải trơn, uốn cong từ mặt bàn lên tường."),
            ("Đặt tấm hắt sáng", "Bìa trắng đặt đối diện cửa sổ, nghiêng về phía sản phẩm."),
            ("Lau sạch sản phẩm", "Bụi, vân tay và nhãn dán lệch đều hiện rõ trên ảnh."),
        ]),
        callout("tip", "Mẹo nhỏ", "Chụp tất cả sản phẩm ở cùng một góc, cùng phông nền: gian hàng của bạn sẽ trông "
                                  "đồng bộ và chuyên nghiệp như một cửa hàng thật."),
    ],
    "quiz": [],
}

PHOTO_SHOOT = {
    "title": "Chụp và chỉnh ảnh bằng điện thoại", "slug": "chup-va-chinh-anh",
    "summary": "Những tấm ảnh mỗi sản phẩm cần có và cách chỉnh nhẹ trên điện thoại.",
    "body": [
        ("text", "<p>Mỗi sản phẩm nên có <b>ít nhất 4 ảnh</b>: ảnh toàn bộ sản phẩm ở chính diện, ảnh mặt sau hoặc "
                 "nhãn (thành phần, hạn dùng, số chứng nhận OCOP), ảnh cận cảnh chất liệu hay màu sắc, và ảnh sản "
                 "phẩm khi dùng hoặc cạnh một vật quen thuộc để khách hình dung kích thước. Ảnh đầu tiên là ảnh bìa: "
                 "nó xuất hiện trong danh sách và kết quả tìm kiếm, nên phải là ảnh đẹp và rõ nhất.</p>"),
        ("heading", "Khi bấm máy"),
        ("text", "<p>Lau ống kính điện thoại bằng khăn mềm trước khi chụp — vân tay trên ống kính là nguyên nhân phổ "
                 "biến nhất làm ảnh bị mờ. Chạm vào sản phẩm trên màn hình để máy lấy nét đúng chỗ. Giữ máy bằng hai "
                 "tay, khuỷu tay tì lên bàn, hoặc kê điện thoại lên chồng sách. Không dùng zoom số: hãy bước lại gần. "
                 "Tắt đèn flash vì nó làm bóng lóa trên chai lọ và túi nilon.</p>"
                 "<p>Chụp ngang tầm sản phẩm cho chai, hũ, hộp đứng; chụp từ trên xuống cho những món bày phẳng như "
                 "bánh, khăn, hạt. Chụp nhiều tấm rồi chọn tấm tốt nhất.</p>"),
        ("heading", "Chỉnh ảnh vừa phải"),
        ("text", "<p>Dùng công cụ chỉnh ảnh có sẵn trong điện thoại: cắt cho sản phẩm nằm giữa khung hình vuông, tăng "
                 "nhẹ độ sáng, thẳng lại ảnh nếu bị nghiêng. <b>Không dùng bộ lọc làm đổi màu sản phẩm</b> và không "
                 "ghép ảnh mạng: khách nhận hàng khác ảnh sẽ trả hàng và đánh giá thấp. Khi đăng lên Chợ Số OCOP, "
                 "hệ thống tự giảm dung lượng và xoá thông tin vị trí trong ảnh.</p>"),
        callout("warning", "Trung thực với khách", "Ảnh phải là sản phẩm thật bạn đang bán. Dùng ảnh của người khác "
                                                   "vừa vi phạm bản quyền, vừa làm mất lòng tin của người mua."),
    ],
    "quiz": [
        mc("Nên chụp ảnh sản phẩm ở đâu để có ánh sáng đẹp nhất?",
           ["Dưới bóng đèn vàng trong phòng", "Cạnh cửa sổ, ánh sáng gián tiếp buổi sáng",
            "Ngoài trời lúc 12 giờ trưa nắng gắt", "Trong phòng tối, bật đèn flash"], 1,
           "Ánh sáng gián tiếp từ cửa sổ mềm, ít bóng gắt và giữ đúng màu sản phẩm. Đèn vàng làm ảnh ngả màu, nắng "
           "trưa tạo bóng gắt, flash gây lóa.",
           why={
               0: "Đèn vàng làm ảnh ngả màu: sản phẩm trông khác với thật.",
               2: "Nắng gắt buổi trưa tạo bóng đậm và làm cháy sáng các mảng màu.",
               3: "Flash chiếu thẳng gây lóa và đổ bóng cứng sau sản phẩm."}),
        mc("Mỗi sản phẩm nên có tối thiểu mấy ảnh?", ["1 ảnh", "2 ảnh", "4 ảnh", "Càng ít càng tốt"], 2,
           "Bốn ảnh: chính diện, nhãn hoặc mặt sau, cận cảnh chất liệu, và ảnh khi dùng hoặc so kích thước.",
           why={
               0: "Một ảnh chỉ cho khách thấy một mặt; khách còn muốn xem nhãn, chất liệu và kích thước.",
               1: "Hai ảnh vẫn chưa đủ cho những góc khách muốn xem trước khi mua.",
               3: "Ít ảnh khiến khách phải nhắn hỏi thêm hoặc bỏ đi."}),
        tf("Dùng bộ lọc màu thật đậm giúp sản phẩm hấp dẫn hơn và không có hại gì.", False,
           "Bộ lọc làm sai màu sản phẩm; khách nhận hàng khác ảnh sẽ thất vọng, trả hàng và đánh giá thấp."),
        tf("Lau ống kính điện thoại trước khi chụp giúp ảnh rõ nét hơn.", True,
           "Vân tay và bụi trên ống kính là nguyên nhân thường gặp nhất khiến ảnh bị mờ, nhòe sáng."),
    ],
}

DESCRIPTION = {
    "title": "Viết mô tả sản phẩm thuyết phục", "slug": "viet-mo-ta-san-pham",
    "summary": "Tên sản phẩm dễ tìm, mô tả đủ thông tin và câu chuyện về người làm ra.",
    "body": [
        ("text", "<p>Mô tả sản phẩm trả lời những câu khách sẽ hỏi nếu đứng trước quầy hàng của bạn: Đây là gì? Làm "
                 "từ đâu, ai làm? Dùng thế nào, bảo quản ra sao, để được bao lâu? Bao nhiêu gam, bao nhiêu ml? Mô tả "
                 "càng rõ, khách càng ít phải nhắn hỏi và càng dễ quyết định mua.</p>"),
        ("heading", "Đặt tên để khách tìm thấy"),
        ("text", "<p>Người mua gõ vào ô tìm kiếm những từ họ quen dùng. Tên tốt gồm: <b>loại sản phẩm + đặc điểm + "
                 "nơi làm + quy cách</b>. Ví dụ: “Mật ong hoa cà phê nguyên chất Đắk Lắk – hũ 500 ml” dễ tìm hơn "
                 "nhiều so với “Mật ong loại 1”. Tránh viết hoa toàn bộ, tránh chuỗi biểu tượng cảm xúc và các từ "
                 "như “rẻ nhất”, “số 1” không có căn cứ.</p>"),
        ("heading", "Cấu trúc một mô tả đầy đủ"),
        steps("Năm phần nên có", [
            ("Một câu giới thiệu", "Sản phẩm là gì và điểm đặc biệt nhất của nó."),
            ("Nguồn gốc và cách làm", "Vùng nguyên liệu, quy trình, hợp tác xã hay hộ gia đình làm ra."),
            ("Thông số", "Khối lượng, thành phần, hạn sử dụng, số công bố, hạng sao OCOP nếu có."),
            ("Cách dùng và bảo quản", "Ngắn gọn, cụ thể: “Để nơi khô ráo, tránh ánh nắng; dùng trong 12 tháng”."),
            ("Cam kết", "Đổi trả khi hàng lỗi, giao hàng thu tiền tận nơi, số điện thoại hỗ trợ."),
        ]),
        ("text", "<p>Hãy kể câu chuyện thật: “Chè được hái một tôm hai lá trên đồi của gia đình chị Lan ở Tân Cương, "
                 "sao bằng chảo gang trong ngày”. Câu chuyện cụ thể tạo niềm tin hơn những lời khen chung chung như "
                 "“chất lượng tuyệt hảo”. Viết câu ngắn, chia đoạn, dùng gạch đầu dòng cho thông số để khách đọc "
                 "nhanh trên điện thoại.</p>"),
        callout("warning", "Không quảng cáo sai sự thật", "Thực phẩm không phải là thuốc: không viết “chữa khỏi”, "
                "“điều trị” bệnh. Chỉ ghi hạng sao OCOP khi giấy chứng nhận còn hiệu lực."),
    ],
    "quiz": [
        mc("Tên sản phẩm nào giúp khách dễ tìm thấy nhất?",
           ["MẬT ONG LOẠI 1 !!!", "Mật ong hoa cà phê nguyên chất Đắk Lắk – hũ 500 ml", "Hàng ngon giá rẻ",
            "Sản phẩm số 1 Việt Nam"], 1,
           "Tên tốt gồm loại sản phẩm, đặc điểm, nơi làm và quy cách — đúng những từ người mua gõ khi tìm kiếm.",
           why={
               0: "Chữ in hoa và dấu chấm than không giúp tìm kiếm; “loại 1” không nói gì về sản phẩm.",
               2: "Tên này không nói sản phẩm là gì: người mua không gõ những từ này khi tìm.",
               3: "Lời khen không có căn cứ và không cho biết sản phẩm là gì."}),
        tf("Có thể ghi “chữa khỏi bệnh dạ dày” cho sản phẩm trà thảo dược để bán chạy hơn.", False,
           "Thực phẩm không được quảng cáo như thuốc chữa bệnh; đây là quảng cáo sai sự thật và bị xử phạt."),
        mc("Thông tin nào KHÔNG bắt buộc nhưng giúp tạo niềm tin?",
           ["Khối lượng tịnh", "Hạn sử dụng", "Câu chuyện về người làm ra sản phẩm", "Thành phần"], 2,
           "Khối lượng, hạn dùng, thành phần là thông tin cần có; câu chuyện thật về người làm ra giúp khách tin và "
           "nhớ đến bạn.",
           why={
               0: "Khối lượng tịnh là thông tin bắt buộc.",
               1: "Hạn sử dụng là thông tin bắt buộc.",
               3: "Thành phần là thông tin bắt buộc."}),
    ],
}

PRICING = {
    "title": "Định giá và phí vận chuyển", "slug": "dinh-gia-va-van-chuyen",
    "summary": "Tính đủ chi phí, đặt giá có lãi và chọn cách giao hàng phù hợp.",
    "body": [
        ("text", "<p>Nhiều hộ kinh doanh bán trực tuyến bị lỗ mà không biết, vì chỉ tính tiền nguyên liệu. Giá bán cần "
                 "trả đủ cho: nguyên liệu, bao bì và tem nhãn, công làm, hao hụt, phí vận chuyển bạn chịu (nếu miễn "
                 "phí giao hàng), phí sàn hoặc phí thanh toán, và phần lãi để tái đầu tư.</p>"),
        steps("Tính giá một sản phẩm", [
            ("Cộng chi phí trực tiếp", "Ví dụ hũ mật ong 500 ml: mật 90.000 đ, hũ và nhãn 12.000 đ, công 8.000 đ."),
            ("Cộng chi phí bán hàng", "Đóng gói chống vỡ 5.000 đ, phí thanh toán và hoa hồng sàn khoảng 5%."),
            ("Thêm phần lãi", "Thường 20–30% trên tổng chi phí, tuỳ sản phẩm và đối thủ."),
            ("So sánh với thị trường", "Xem giá sản phẩm cùng loại, cùng hạng sao; giải thích rõ nếu bạn đắt hơn."),
        ]),
        ("text", "<p>Với ví dụ trên, chi phí khoảng 121.000 đ; cộng 25% lãi, giá bán hợp lý khoảng 150.000 đ. Trên Chợ "
                 "Số OCOP, giá luôn tính bằng đồng, không có số lẻ: hãy chọn giá tròn dễ nhớ như 149.000 đ hoặc "
                 "150.000 đ.</p>"),
        ("heading", "Phí vận chuyển"),
        ("text", "<p>Cân sản phẩm <b>sau khi đã đóng gói</b> để báo đúng khối lượng cho đơn vị vận chuyển; chai lọ cần "
                 "chèn xốp hoặc giấy, ghi “Hàng dễ vỡ”. Bạn có thể để khách trả phí giao hàng, hoặc cộng một phần "
                 "phí vào giá và miễn phí giao hàng cho đơn từ một mức nhất định (ví dụ từ 300.000 đ) để khách mua "
                 "nhiều hơn. Ghi rõ thời gian giao dự kiến cho từng vùng.</p>"),
        callout("tip", "Khuyến mãi có tính toán", "Trước khi giảm giá 20%, hãy tính lại: nếu lãi chỉ 25%, giảm 20% "
                                                  "gần như xoá hết phần lãi của bạn."),
    ],
    "quiz": [
        mc("Chi phí nguyên liệu, bao bì và công của một sản phẩm là 100.000 đ. Muốn lãi 25% trên chi phí, giá bán "
           "khoảng bao nhiêu?", ["100.000 đ", "110.000 đ", "125.000 đ", "200.000 đ"], 2,
           "100.000 đ × 1,25 = 125.000 đ. Nhớ cộng thêm phí đóng gói và phí sàn nếu bạn chịu các khoản đó.",
           why={
               0: "Bán bằng đúng chi phí thì không có lãi.",
               1: "Giá này chỉ lãi 10% trên chi phí.",
               3: "Giá này lãi 100% trên chi phí, nhiều hơn mức muốn lãi rất xa."}),
        tf("Nên cân sản phẩm trước khi đóng gói để báo khối lượng cho đơn vị vận chuyển.", False,
           "Phí vận chuyển tính theo khối lượng sau khi đóng gói (cả hộp, xốp chèn). Báo thiếu sẽ bị thu thêm phí."),
        mc("Cách nào giúp khách mua nhiều hơn mà bạn vẫn có lãi?",
           ["Giảm giá 50% mọi sản phẩm", "Miễn phí giao hàng cho đơn từ một mức nhất định",
            "Không ghi phí vận chuyển, báo sau", "Tăng giá gấp đôi rồi giảm giá"], 1,
           "Ngưỡng miễn phí giao hàng khuyến khích khách mua thêm; phí giao được bù bằng giá trị đơn lớn hơn.",
           why={
               0: "Giảm một nửa giá thường ăn hết tiền lãi: bán càng nhiều càng lỗ.",
               2: "Phí báo sau làm khách bất ngờ, mất lòng tin và dễ huỷ đơn.",
               3: "Giảm giá ảo là gian dối với khách và có thể bị xử phạt."}),
    ],
}

ORDERS = {
    "title": "Xử lý đơn hàng và thu tiền khi nhận hàng", "slug": "xu-ly-don-hang-cod",
    "summary": "Xác nhận, đóng gói, giao hàng và đối soát tiền thu hộ (COD).",
    "body": [
        ("text", "<p>Tốc độ và sự rõ ràng khi xử lý đơn quyết định khách có quay lại hay không. Trên Chợ Số OCOP, "
                 "khi có đơn mới bạn nhận thông báo và thấy đơn trong mục <i>Đơn hàng</i> của gian hàng. Hãy xử lý "
                 "trong vòng 24 giờ.</p>"),
        steps("Quy trình một đơn hàng", [
            ("Kiểm tra và xác nhận", "Xem địa chỉ, số điện thoại, số lượng; gọi khách nếu thông tin chưa rõ."),
            ("Đóng gói", "Chèn chặt, bọc chống nước, dán phiếu giao hàng ngoài cùng, kèm phiếu cảm ơn."),
            ("Giao cho đơn vị vận chuyển", "Cập nhật trạng thái “Đã gửi hàng” và mã vận đơn để khách theo dõi."),
            ("Theo dõi và đối soát", "Khi giao xong, đối chiếu tiền thu hộ với đơn vị vận chuyển mỗi tuần."),
        ]),
        ("heading", "Thu tiền khi nhận hàng (COD)"),
        ("text", "<p>Phần lớn người mua ở nông thôn chọn trả tiền mặt khi nhận hàng. Với đơn COD, người giao hàng thu "
                 "tiền thay bạn và chuyển lại sau khi trừ phí. Hãy ghi đúng số tiền thu hộ trên phiếu giao, cho khách "
                 "kiểm tra hàng trước khi trả tiền theo chính sách đổi trả, và giữ lại ảnh gói hàng trước khi gửi để "
                 "làm bằng chứng nếu có khiếu nại.</p>"
                 "<p>Khách không nhận hàng (bom hàng) làm bạn mất hai lần phí vận chuyển. Gọi xác nhận những đơn giá "
                 "trị lớn hoặc từ khách mới trước khi gửi; với đơn ở xa có thể đề nghị khách chuyển khoản trước phí "
                 "giao hàng.</p>"),
        callout("info", "Hủy đơn", "Nếu hết hàng, hãy hủy đơn ngay và nhắn xin lỗi khách: hệ thống trả số lượng về "
                                   "kho. Hủy muộn hoặc im lặng làm gian hàng bị đánh giá thấp."),
    ],
    "quiz": [
        mc("Nên xử lý (xác nhận) một đơn hàng mới trong khoảng thời gian nào?",
           ["Trong vòng 24 giờ", "Trong một tuần", "Khi nào rảnh", "Chỉ khi khách gọi nhắc"], 0,
           "Xử lý trong 24 giờ giữ uy tín gian hàng; khách chờ lâu dễ hủy đơn hoặc không nhận hàng.",
           why={
               1: "Một tuần là quá lâu: khách chờ lâu dễ huỷ đơn hoặc mua nơi khác.",
               2: "Khách không biết khi nào bạn rảnh; đơn chờ lâu dễ bị huỷ.",
               3: "Khách phải gọi nhắc nghĩa là họ đã chờ quá lâu."}),
        tf("Với đơn thu tiền khi nhận hàng (COD), người giao hàng thu tiền thay người bán rồi chuyển lại sau khi trừ "
           "phí.", True, "Đúng. Vì vậy cần đối soát tiền thu hộ với đơn vị vận chuyển đều đặn, ví dụ mỗi tuần."),
        mc("Cách nào giúp giảm đơn bị khách từ chối nhận (bom hàng)?",
           ["Gửi hàng ngay không cần kiểm tra", "Gọi xác nhận đơn giá trị lớn hoặc khách mới trước khi gửi",
            "Tăng phí vận chuyển", "Không nhận đơn COD"], 1,
           "Một cuộc gọi ngắn xác nhận địa chỉ và nhu cầu giúp loại bớt đơn ảo mà vẫn giữ được khách thật.",
           why={
               0: "Gửi ngay mọi đơn không loại được đơn ảo; khách không nhận thì bạn mất phí giao hai chiều.",
               2: "Phí cao hơn làm mất cả khách thật mà không bớt được đơn ảo.",
               3: "Bỏ thu tiền khi nhận hàng làm mất nhiều khách quen trả tiền mặt."}),
        tf("Khi hết hàng, nên để đơn đó chờ đến khi có hàng mà không báo khách.", False,
           "Hãy hủy ngay và báo khách: hệ thống trả lại số lượng về kho và khách có thể mua nơi khác, không mất "
           "lòng tin."),
    ],
}

SCAMS = {
    "title": "Phòng tránh lừa đảo khi bán hàng trực tuyến", "slug": "phong-tranh-lua-dao",
    "summary": "Nhận biết các chiêu lừa phổ biến và bảo vệ tài khoản, tiền của bạn.",
    "body": [
        ("text", "<p>Người bán mới thường là mục tiêu của kẻ gian. Các chiêu phổ biến nhất: giả làm nhân viên sàn "
                 "hoặc ngân hàng gọi đến “xác minh tài khoản” để xin mã OTP; gửi đường link giả trang đăng nhập; giả "
                 "làm khách đặt hàng số lượng lớn rồi gửi ảnh chụp màn hình chuyển khoản giả; hoặc giả làm đơn vị vận "
                 "chuyển đòi “phí giải phóng hàng”.</p>"),
        ("heading", "Nguyên tắc vàng"),
        steps("Năm điều không bao giờ làm", [
            ("Không đọc mã OTP cho bất kỳ ai", "Ngân hàng, sàn và cán bộ chương trình không bao giờ hỏi mã OTP."),
            ("Không bấm link lạ", "Chỉ đăng nhập bằng cách tự gõ địa chỉ trang web hoặc mở ứng dụng chính thức."),
            ("Không tin ảnh chụp chuyển khoản",
             "Chỉ giao hàng khi tiền đã vào tài khoản, xem trong ứng dụng ngân hàng."),
            ("Không chuyển tiền để “nhận hàng” hay “mở khoá”", "Đơn vị vận chuyển thật không đòi phí qua tin nhắn."),
            ("Không cho mượn tài khoản", "Mật khẩu riêng cho mỗi dịch vụ, bật xác thực hai lớp nếu có."),
        ]),
        ("text", "<p>Khi nghi ngờ, hãy dừng lại và gọi lại cho tổ chức đó qua số điện thoại chính thức (in trên thẻ "
                 "ngân hàng, trên trang web), không gọi vào số vừa liên lạc với bạn. Nếu đã lỡ cung cấp thông tin, "
                 "gọi ngay tổng đài ngân hàng để khoá tài khoản, đổi mật khẩu và báo cho cơ quan công an "
                 "gần nhất.</p>"),
        callout("warning", "Đường dây hỗ trợ", "Gặp dấu hiệu lừa đảo trên Chợ Số OCOP, hãy báo ngay cho văn phòng "
                                                "chương trình qua số hotline ở cuối trang."),
    ],
    "quiz": [
        tf("Nhân viên ngân hàng có thể gọi điện xin mã OTP để “xác minh tài khoản” của bạn.", False,
           "Không bao giờ. Ngân hàng, sàn thương mại điện tử và cán bộ chương trình không hỏi mã OTP; ai hỏi là kẻ "
           "lừa đảo."),
        mc("Khách gửi ảnh chụp màn hình đã chuyển khoản. Bạn nên làm gì?",
           ["Giao hàng ngay", "Kiểm tra tiền đã vào tài khoản trong ứng dụng ngân hàng rồi mới giao",
            "Nhờ khách gửi thêm ảnh", "Chuyển lại tiền thừa theo yêu cầu của khách"], 1,
           "Ảnh chụp màn hình rất dễ làm giả. Chỉ tin số dư thật trong ứng dụng hoặc tin nhắn chính thức của ngân "
           "hàng.",
           why={
               0: "Ảnh chụp màn hình có thể bị làm giả: giao ngay là có thể mất hàng.",
               2: "Thêm ảnh vẫn chỉ là ảnh, cũng làm giả được.",
               3: "“Chuyển nhầm, nhờ chuyển lại tiền thừa” là một kiểu lừa đảo phổ biến."}),
        mc("Bạn nhận tin nhắn kèm đường link “tài khoản gian hàng sắp bị khoá, đăng nhập ngay”. Cách xử lý đúng?",
           ["Bấm link và đăng nhập", "Chuyển tiếp cho bạn bè", "Không bấm; tự mở trang web hoặc ứng dụng chính thức "
            "để kiểm tra", "Trả lời tin nhắn kèm mật khẩu"], 2,
           "Link giả dẫn đến trang đăng nhập giả để lấy mật khẩu. Luôn tự gõ địa chỉ hoặc mở ứng dụng chính thức.",
           why={
               0: "Link trong tin nhắn lạ có thể dẫn đến trang đăng nhập giả để lấy mật khẩu.",
               1: "Chuyển tiếp có thể khiến bạn bè bấm vào link giả.",
               3: "Không bao giờ gửi mật khẩu cho ai, kể cả người xưng là sàn hay ngân hàng."}),
    ],
}

BRAND_STORY = {
    "title": "Câu chuyện thương hiệu cho sản phẩm OCOP", "slug": "cau-chuyen-thuong-hieu",
    "summary": "Từ nguồn gốc, con người và vùng đất đến một thương hiệu dễ nhớ.",
    "body": [
        ("text", "<p>Sản phẩm OCOP mang dấu ấn của một vùng đất: nước mắm Nam Ô, chè Tân Cương, gốm Bát Tràng. Thương "
                 "hiệu là lời hứa của bạn với khách hàng: chất lượng ổn định, nguồn gốc rõ ràng, một cái tên và hình "
                 "ảnh để khách nhớ và tìm lại.</p>"
                 "<p>Bắt đầu bằng ba câu hỏi: Sản phẩm của tôi khác gì sản phẩm cùng loại? Ai là người mua chính "
                 "(người nội trợ, khách du lịch, người mua quà biếu)? Tôi muốn khách cảm thấy gì khi mở gói hàng?</p>"),
        steps("Xây dựng bộ nhận diện đơn giản", [
            ("Tên thương hiệu", "Ngắn, dễ đọc, dễ nhớ, gắn với địa danh hoặc người làm; kiểm tra chưa ai đăng ký."),
            ("Logo và màu chủ đạo", "Một logo đơn giản, hai đến ba màu dùng thống nhất trên nhãn, túi, gian hàng."),
            ("Câu chuyện", "Vài câu thật về gia đình, hợp tác xã, nghề truyền thống và cách làm."),
            ("Bảo hộ", "Đăng ký nhãn hiệu tại Cục Sở hữu trí tuệ để tránh bị làm nhái."),
        ]),
        callout("tip", "Dùng hạng sao OCOP đúng cách", "Biểu trưng OCOP và số sao chỉ dùng cho đúng sản phẩm đã được "
                                                         "công nhận và trong thời hạn hiệu lực của giấy chứng nhận."),
    ],
    "quiz": [
        mc("Thương hiệu của một sản phẩm OCOP trước hết là gì?",
           ["Một logo thật đắt tiền", "Lời hứa về chất lượng và nguồn gốc mà khách nhớ đến",
            "Giá bán thấp nhất thị trường", "Bao bì nhiều màu sắc nhất"], 1,
           "Logo và bao bì chỉ là phần nhìn thấy; cốt lõi là lời hứa chất lượng ổn định và nguồn gốc rõ ràng."),
        tf("Có thể in biểu trưng OCOP 4 sao lên mọi sản phẩm của hợp tác xã khi chỉ một sản phẩm được công nhận.",
           False, "Hạng sao gắn với từng sản phẩm đã được công nhận, và chỉ trong thời hạn hiệu lực của chứng nhận."),
        tf("Đăng ký nhãn hiệu giúp bảo vệ thương hiệu khỏi bị làm nhái.", True,
           "Nhãn hiệu đã đăng ký tại Cục Sở hữu trí tuệ cho bạn quyền yêu cầu xử lý hàng nhái."),
    ],
}

PACKAGING = {
    "title": "Bao bì và nhãn hàng hoá đúng quy định", "slug": "bao-bi-va-nhan-hang",
    "summary": "Bao bì bảo vệ sản phẩm khi vận chuyển và nhãn ghi đủ thông tin bắt buộc.",
    "body": [
        ("text", "<p>Bao bì của hàng bán trực tuyến phải làm hai việc: giữ sản phẩm nguyên vẹn qua nhiều lần bốc xếp, "
                 "và giới thiệu thương hiệu khi khách mở hộp. Chọn vật liệu phù hợp: hũ thuỷ tinh có nắp kín và màng "
                 "co cho mật ong, túi zip có van một chiều cho cà phê, hộp giấy cứng cho quà biếu. Ưu tiên vật liệu "
                 "tái chế được: nhiều khách hàng trẻ quan tâm điều này.</p>"
                 "<p>Nhãn hàng hoá theo Nghị định 43/2017/NĐ-CP (sửa đổi bởi Nghị định 111/2021/NĐ-CP) cần có: tên "
                 "hàng hoá; tên và địa chỉ tổ chức, cá nhân chịu trách nhiệm; xuất xứ; định lượng; ngày sản xuất và "
                 "hạn sử dụng; thành phần; hướng dẫn sử dụng và bảo quản; cảnh báo nếu có.</p>"),
        steps("Kiểm tra trước khi in nhãn", [
            ("Đủ nội dung bắt buộc", "Đối chiếu từng mục với quy định cho nhóm sản phẩm của bạn."),
            ("Dễ đọc", "Chữ đủ lớn, tương phản tốt, tiếng Việt có dấu đầy đủ."),
            ("Mã truy xuất", "Thêm mã QR dẫn đến trang sản phẩm hoặc thông tin truy xuất nguồn gốc."),
            ("In thử", "In vài mẫu, dán thử lên sản phẩm, vận chuyển thử một gói trước khi in số lượng lớn."),
        ]),
    ],
    "quiz": [
        mc("Thông tin nào bắt buộc phải có trên nhãn hàng hoá?",
           ["Số điện thoại cá nhân của chủ hộ", "Hạn sử dụng", "Giá bán lẻ", "Tên người thiết kế bao bì"], 1,
           "Ngày sản xuất và hạn sử dụng là nội dung bắt buộc; giá bán không bắt buộc in trên nhãn."),
        tf("Bao bì hàng bán trực tuyến chỉ cần đẹp, không cần tính đến vận chuyển.", False,
           "Hàng bán trực tuyến qua nhiều lần bốc xếp; bao bì phải bảo vệ sản phẩm trước, đẹp sau."),
        tf("Mã QR trên nhãn có thể dẫn khách đến thông tin truy xuất nguồn gốc sản phẩm.", True,
           "Mã QR giúp khách kiểm tra nguồn gốc và quay lại gian hàng của bạn để mua tiếp."),
    ],
}

COURSES = [
    {
        "title": "Bán hàng trực tuyến cơ bản", "slug": "ban-hang-truc-tuyen-co-ban", "required": True,
        "summary": "Khoá học bắt buộc cho người bán trên Chợ Số OCOP: chụp ảnh sản phẩm bằng điện thoại, viết mô tả, "
                   "định giá và giao hàng, xử lý đơn thu tiền khi nhận hàng, phòng tránh lừa đảo.",
        "audience": "Hộ kinh doanh, hợp tác xã, doanh nghiệp nhỏ mới mở gian hàng",
        "duration": "Khoảng 2 giờ", "colour": (31, 111, 67),
        "modules": [
            {"title": "Chụp ảnh sản phẩm bằng điện thoại", "slug": "chup-anh-san-pham",
             "summary": "Ảnh sáng, rõ, đúng màu với chiếc điện thoại bạn đang có.",
             "lessons": [PHOTO_LIGHT, PHOTO_SHOOT]},
            {"title": "Viết mô tả sản phẩm", "slug": "viet-mo-ta",
             "summary": "Tên dễ tìm, thông tin đủ, câu chuyện thật.", "lessons": [DESCRIPTION]},
            {"title": "Định giá và vận chuyển", "slug": "dinh-gia-van-chuyen",
             "summary": "Giá bán có lãi và phí giao hàng hợp lý.", "lessons": [PRICING]},
            {"title": "Xử lý đơn hàng và thu tiền khi nhận hàng", "slug": "don-hang-va-cod",
             "summary": "Từ lúc có đơn đến khi nhận tiền.", "lessons": [ORDERS]},
            {"title": "An toàn trước lừa đảo", "slug": "an-toan-lua-dao",
             "summary": "Bảo vệ tài khoản và tiền của bạn.", "lessons": [SCAMS]},
        ],
    },
    {
        "title": "Thương hiệu và bao bì sản phẩm OCOP", "slug": "thuong-hieu-va-bao-bi-ocop", "required": False,
        "summary": "Xây dựng câu chuyện thương hiệu, bộ nhận diện đơn giản và bao bì, nhãn hàng hoá đúng quy định "
                   "cho sản phẩm OCOP.",
        "audience": "Chủ thể OCOP muốn nâng hạng sao hoặc bán quà biếu, bán cho khách du lịch",
        "duration": "Khoảng 1 giờ", "colour": (201, 138, 0),
        "modules": [
            {"title": "Thương hiệu", "slug": "thuong-hieu", "summary": "Câu chuyện và bộ nhận diện.",
             "lessons": [BRAND_STORY]},
            {"title": "Bao bì và nhãn", "slug": "bao-bi-va-nhan", "summary": "Bảo vệ sản phẩm, đúng quy định.",
             "lessons": [PACKAGING]},
        ],
    },
]

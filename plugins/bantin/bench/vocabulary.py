"""Words and sentences the benchmark corpus is made of.

The body sentences are the sentences of the five legacy pages in ``shared/seeds`` with
names, numbers, years and places turned into slots, plus a few sentences in the same voice
that mention a topic, so generated items read like the portals they imitate. Officials,
tags and awards are realistic pools; a few entries are deliberately written two ways
(``Hòa``/``Hoà``, ``Thủy``/``Thuỷ``, ``Ủy``/``Uỷ``, letter case) the way press officers
do, and two different people differ only by a tone (``Hải``/``Hài``).

Slots are ``{name}``; ``corpus.fill`` gives each slot a fresh value per sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

PROVINCE = "Hòa Bình"

ORGS = (
    "Văn phòng UBND tỉnh",
    "Văn phòng UBND tỉnh",
    "Văn phòng UBND tỉnh",
    "UBND tỉnh",
    "UBND tỉnh",
    "Sở Nội vụ",
    "Sở Kế hoạch và Đầu tư",
    "Sở Tài chính",
    "Sở Thông tin và Truyền thông",
    "Sở Nông nghiệp và Phát triển nông thôn",
    "Sở Tài nguyên và Môi trường",
    "Sở Giáo dục và Đào tạo",
    "Sở Y tế",
    "Sở Giao thông vận tải",
    "Sở Tư pháp",
    "Ban Quản lý các khu công nghiệp tỉnh",
    "Trung tâm Phục vụ hành chính công tỉnh",
)

DISTRICTS = (
    "Kim Bôi",
    "Lạc Thủy",
    "Lạc Thuỷ",
    "Lương Sơn",
    "Cao Phong",
    "Tân Lạc",
    "Mai Châu",
    "Đà Bắc",
    "Yên Thủy",
    "Lạc Sơn",
    "Kỳ Sơn",
    "Hòa Bình",
)

COMMUNES = (
    "Tú Sơn",
    "Hợp Thanh",
    "Thanh Nông",
    "Phú Thành",
    "Mường Chiềng",
    "Nam Phong",
    "Ngọc Lâu",
    "Bắc Phong",
    "Trung Minh",
    "Hòa Sơn",
)

MEETING_KINDS = (
    "Hội nghị sơ kết",
    "Hội nghị tổng kết",
    "Hội nghị giao ban",
    "Phiên họp thường kỳ",
    "Hội nghị trực tuyến",
    "Buổi làm việc",
    "Hội nghị cán bộ, công chức, viên chức",
    "Hội thảo",
    "Lễ ký kết",
    "Hội nghị tập huấn",
)

LOCATIONS = (
    "Hội trường UBND tỉnh",
    "Phòng họp số 1, UBND tỉnh",
    "Phòng họp trực tuyến UBND tỉnh",
    "Trụ sở Văn phòng UBND tỉnh",
    "Trung tâm Hội nghị tỉnh",
    "Hội trường Tỉnh ủy",
    "Hội trường Tỉnh uỷ",
    "Trung tâm Phục vụ hành chính công tỉnh",
)

ATTENDEES = (
    "lãnh đạo Văn phòng UBND tỉnh và cán bộ, công chức, viên chức, người lao động Văn phòng",
    "đại diện lãnh đạo các sở, ban, ngành, đoàn thể của tỉnh",
    "lãnh đạo UBND các huyện, thành phố",
    "các đồng chí nguyên là lãnh đạo Văn phòng; các cơ quan Báo, Đài của tỉnh",
    "đại diện các doanh nghiệp, hợp tác xã trên địa bàn tỉnh",
)

AUTHORS = (
    "Nguyễn Thanh Tùng",
    "Minh Trang",
    "Ngọc Hà",
    "Lê Thu Hương",
    "Trần Đức Mạnh",
    "Phạm Thị Lan",
    "Hoàng Văn Nam",
    "Bùi Thị Hòa",
    "Đinh Công Sơn",
    "Quách Thu Thủy",
    "Vũ Hải Yến",
    "Nguyễn Quốc Toản",
    "Đặng Thị Mai",
    "Lò Văn Chiến",
    "Hà Thị Ngọc",
    "Xa Văn Thắng",
    "Trịnh Minh Đức",
    "Phòng Hành chính - Tổ chức",
    "Phòng Tổng hợp",
    "Ban Biên tập",
)

SOURCES = (
    "vanphong.hoabinh.gov.vn",
    "vanphong.hoabinh.gov.vn",
    "vanphong.hoabinh.gov.vn",
    "Cổng Thông tin điện tử tỉnh",
    "Báo Hòa Bình",
    "Đài Phát thanh và Truyền hình tỉnh",
    "",
)

# Topics with Zipf-like use: the corpus draws rank r with weight 1 / r**1.07. Each entry is
# the usual spelling, then other spellings press officers use for the same topic.
TAGS: tuple[tuple[str, ...], ...] = (
    ("văn phòng",),
    ("cải cách hành chính", "Cải cách hành chính"),
    ("chỉ đạo điều hành",),
    ("kinh tế - xã hội",),
    ("thi đua khen thưởng", "Thi đua khen thưởng"),
    ("chuyển đổi số", "Chuyển đổi số"),
    ("hội nghị",),
    ("sơ kết",),
    ("tổng kết",),
    ("xây dựng nông thôn mới", "Xây dựng nông thôn mới"),
    ("đầu tư công",),
    ("giao ban",),
    ("tiếp công dân",),
    ("phòng, chống thiên tai",),
    ("giảm nghèo bền vững",),
    ("an sinh xã hội",),
    ("công tác Đảng",),
    ("thủ tục hành chính",),
    ("văn hóa công sở", "văn hoá công sở"),
    ("y tế",),
    ("giáo dục",),
    ("du lịch",),
    ("thu hút đầu tư",),
    ("phòng chống tham nhũng",),
    ("quốc phòng - an ninh",),
    ("đất đai",),
    ("môi trường",),
    ("giao thông",),
    ("dịch vụ công trực tuyến",),
    ("một cửa",),
    ("ngân sách",),
    ("nông nghiệp",),
    ("hòa giải ở cơ sở", "hoà giải ở cơ sở"),
    ("khiếu nại, tố cáo",),
    ("công đoàn",),
    ("đoàn thanh niên",),
    ("phụ nữ",),
    ("dân tộc thiểu số",),
    ("chương trình mục tiêu quốc gia",),
    ("OCOP",),
    ("quy hoạch tỉnh",),
    ("khu công nghiệp",),
    ("doanh nghiệp",),
    ("hợp tác xã",),
    ("lâm nghiệp",),
    ("thủy lợi", "thuỷ lợi"),
    ("an toàn giao thông",),
    ("phòng cháy chữa cháy",),
    ("biên giới",),
    ("đối ngoại",),
    ("ngoại giao kinh tế",),
    ("thông tin tuyên truyền",),
    ("báo chí",),
    ("văn thư lưu trữ",),
    ("công báo",),
    ("cổng thông tin điện tử",),
    ("chữ ký số",),
    ("hồ sơ công việc điện tử",),
    ("tinh giản biên chế",),
    ("bổ nhiệm cán bộ",),
    ("đào tạo, bồi dưỡng",),
    ("kỷ luật, kỷ cương",),
    ("thanh tra",),
    ("kiểm toán",),
    ("tài chính",),
    ("thuế",),
    ("bảo hiểm xã hội",),
    ("lao động việc làm",),
    ("người có công",),
    ("trẻ em",),
    ("bình đẳng giới",),
    ("phòng chống dịch",),
    ("COVID-19",),
    ("tiêm chủng",),
    ("an toàn thực phẩm",),
    ("nước sạch nông thôn",),
    ("điện lực",),
    ("xây dựng",),
    ("nhà ở xã hội",),
    ("đô thị",),
    ("di tích",),
    ("lễ hội",),
    ("thể thao",),
    ("văn hóa", "văn hoá"),
    ("gia đình",),
    ("khoa học công nghệ",),
    ("sở hữu trí tuệ",),
    ("tiêu chuẩn ISO",),
    ("chỉ số PAR INDEX",),
    ("chỉ số PCI",),
    ("chỉ số SIPAS",),
    ("dân vận chính quyền",),
    ("quy chế dân chủ",),
    ("tôn giáo",),
    ("cựu chiến binh",),
    ("hội nông dân",),
    ("mặt trận tổ quốc",),
    ("Tết Nguyên đán",),
    ("thăm, tặng quà",),
    ("đền ơn đáp nghĩa",),
    ("khuyến học",),
    ("xuất khẩu",),
    ("thương mại điện tử",),
    ("cam Cao Phong",),
    ("hồ Hòa Bình", "hồ Hoà Bình"),
    ("thủy điện", "thuỷ điện"),
    ("sạt lở đất",),
    ("mưa lũ",),
    ("cứu hộ cứu nạn",),
    ("rừng phòng hộ",),
    ("chăn nuôi",),
    ("trồng trọt",),
    ("giống cây trồng",),
    ("kinh tế tập thể",),
    ("kinh tế tư nhân",),
    ("khởi nghiệp",),
    ("hội nhập quốc tế",),
    ("hợp tác quốc tế",),
    ("viện trợ",),
    ("dự án ODA",),
    ("giải ngân",),
    ("cao tốc",),
    ("đường tỉnh",),
    ("cầu",),
    ("bến xe",),
    ("chợ",),
    ("trường học",),
    ("bệnh viện",),
    ("trạm y tế",),
    ("thư viện",),
    ("bảo tàng",),
    ("nhà văn hóa",),
    ("lưu trữ lịch sử",),
    ("địa giới hành chính",),
    ("sáp nhập xã",),
    ("bầu cử",),
    ("Hội đồng nhân dân",),
    ("tiếp xúc cử tri",),
    ("kiến nghị cử tri",),
    ("giám sát",),
    ("đại hội Đảng",),
    ("nghị quyết",),
    ("chỉ thị",),
    ("kết luận",),
)

TITLE_TEMPLATES = (
    "{org} sơ kết công tác 6 tháng đầu năm {year}",
    "{org} tổng kết công tác năm {last_year}, triển khai nhiệm vụ năm {year}",
    "{org} giao ban đánh giá tình hình công tác quý {quarter}/{year}",
    "Hội nghị cán bộ, công chức, viên chức {org} năm {year}",
    "{org} chủ động hơn công tác tham mưu về {topic}",
    "{person_title} {person} làm việc với {org} về {topic}",
    "{person_title} {person} kiểm tra công tác {topic} tại huyện {district}",
    "UBND tỉnh họp bàn giải pháp đẩy mạnh {topic}",
    "Triển khai kế hoạch {topic} năm {year} tại huyện {district}",
    "Hội nghị trực tuyến về {topic} với các huyện, thành phố",
    "{org} ký kết quy chế phối hợp về {topic}",
    "Khen thưởng các tập thể, cá nhân có thành tích trong {topic} năm {last_year}",
    "Đoàn công tác của tỉnh làm việc với huyện {district} về {topic}",
    "Tập huấn nghiệp vụ {topic} cho cán bộ, công chức huyện {district}",
    "Phiên họp thường kỳ tháng {month}/{year} của UBND tỉnh bàn về {topic}",
    "Thông báo: Kết luận của {person_title} {person} về {topic}",
    "Xã {commune}, huyện {district} đẩy mạnh {topic}",
    "Huyện {district} sơ kết {topic} quý {quarter}/{year}",
    "Nâng cao hiệu quả {topic}: kinh nghiệm từ huyện {district}",
    "{person} chỉ đạo tháo gỡ vướng mắc về {topic} tại xã {commune}",
)

HEADINGS = (
    "Kết quả nổi bật",
    "Những tồn tại, hạn chế",
    "Nhiệm vụ trọng tâm thời gian tới",
    "Ý kiến chỉ đạo",
    "Công tác thi đua, khen thưởng",
    "Giải pháp thực hiện",
)

CAPTIONS = (
    "Quang cảnh hội nghị",
    "Quang cảnh cuộc họp",
    "Các đại biểu dự hội nghị",
    "Toàn cảnh buổi làm việc",
    "Đoàn công tác kiểm tra thực tế tại cơ sở",
)

# Sentences of the seed pages, generalised. Slots: org, year, last_year, period, big, small,
# count, percent, money, topic, district, commune, person, person_title.
SENTENCES = (
    "Trong {period}, {org} đã thực hiện tốt nhiệm vụ tổng hợp, tham mưu và phục vụ hậu cần "
    "đáp ứng yêu cầu hoạt động, chỉ đạo điều hành của UBND tỉnh.",
    "Văn phòng đã tham mưu, đề xuất và tổ chức thẩm định, trình Chủ tịch, các Phó Chủ tịch "
    "UBND tỉnh ban hành {big} văn bản; tiếp tục thực hiện tốt công tác tiếp công dân, xử lý "
    "{small} lượt đơn thư của công dân; việc tiếp nhận, chuyển giao, gửi công văn được triển "
    "khai kịp thời, chính xác, đảm bảo đúng quy định, tiếp nhận trên {big} văn bản đến.",
    "Văn phòng đã chủ động tích cực trong việc đổi mới lề lối làm việc, nâng cao chất lượng "
    "hiệu quả công tác, cơ bản đáp ứng yêu cầu nhiệm vụ chính trị được giao.",
    "Thời gian tới đề nghị {org} tiếp tục nâng cao năng lực tham mưu, đề xuất, kỹ năng thẩm "
    "tra, phản biện trong công tác tham mưu, giúp việc cho lãnh đạo UBND tỉnh; chủ động đề "
    "xuất nhiệm vụ, giải pháp trong công tác, phát huy các sáng kiến, phát hiện những bất cập "
    "về cơ chế chính sách.",
    "Tăng cường công tác phối hợp để nâng cao chất lượng tham mưu, cải tiến quy trình làm "
    "việc tinh gọn, chuẩn hóa các mẫu văn bản, ứng dụng công nghệ thông tin trong công tác.",
    "Đội ngũ cán bộ, nhân viên văn phòng cần nâng cao ý thức trách nhiệm trong công việc, "
    "tăng cường kỷ luật kỷ cương hành chính, thực hiện văn hóa công sở, xây dựng cơ quan, đoàn "
    "thể vững mạnh.",
    "{org} cần tiếp tục quan tâm bồi dưỡng nâng cao năng lực cho cán bộ, động viên khen "
    "thưởng kịp thời.",
    "{org} trong năm vừa qua đã tiếp nhận và xử lý trên {big} văn bản các loại của Trung "
    "ương, các ngành, địa phương và các tổ chức đoàn thể gửi đến; chủ động xử lý hoặc trao "
    "đổi, làm việc trực tiếp với các sở, ngành, địa phương.",
    "Công tác tổng hợp và ban hành văn bản luôn được {org} đặc biệt chú trọng.",
    "Chất lượng văn bản ngày càng chuyển biến tích cực, đảm bảo nhanh chóng, kịp thời, chính "
    "xác, ít sai sót.",
    "Quy trình tiếp nhận và xử lý văn bản luôn đảm bảo đúng nguyên tắc, tuân thủ đúng Quy chế "
    "làm việc của UBND tỉnh và Văn phòng UBND tỉnh.",
    "Các văn bản gửi đến UBND tỉnh đều được quản lý, đăng ký tại bộ phận văn thư để tổng hợp "
    "báo cáo Chánh Văn phòng xử lý kịp thời; các chủ trương, biện pháp giải quyết đều được lập "
    "phiếu trình thể hiện rõ quan điểm, ý kiến tham mưu của chuyên viên trước khi xin ý kiến "
    "lãnh đạo UBND tỉnh.",
    "Chú trọng nâng cao chất lượng công tác phục vụ hoạt động điều hành của lãnh đạo UBND tỉnh.",
    "Đẩy mạnh công tác cải cách hành chính, nhất là thủ tục hành chính đảm bảo giải quyết "
    "công việc nhanh chóng, kịp thời.",
    "Kết quả năm {last_year}: có {count}/{count} đơn vị đạt danh hiệu “Tập thể Lao động tiên "
    "tiến”.",
    "Tuy nhiên, công tác theo dõi, đôn đốc các sở, ban, ngành thực hiện chỉ đạo của tỉnh đôi "
    "khi chưa kịp thời; công tác phối hợp giữa các phòng chuyên viên chưa đạt hiệu quả như "
    "mong muốn.",
    "Tại cuộc họp, các chuyên viên đã báo cáo nội dung cụ thể các lĩnh vực công việc đã triển "
    "khai thực hiện trong {period}, đề xuất kế hoạch triển khai nhiệm vụ trong các tháng tiếp "
    "theo.",
    "Trong năm, với quyết tâm cao cùng với tinh thần trách nhiệm, đoàn kết, nỗ lực, cán bộ, "
    "công chức, viên chức {org} đã tham mưu kịp thời giúp UBND tỉnh điều hành các hoạt động, "
    "đạt và vượt các chỉ tiêu Nghị quyết đề ra.",
    "{org} đã tổng hợp tình hình hoạt động, thẩm tra hồ sơ, nghiên cứu {big} văn bản, tài "
    "liệu đến các loại, tham mưu ban hành trên {big} văn bản, tăng {percent} so với năm "
    "{last_year}.",
    "Bên cạnh đó, công tác đối ngoại cũng được thực hiện tích cực, qua đó tham mưu cho UBND "
    "tỉnh tiếp nhận các chương trình, dự án tài trợ trên các lĩnh vực y tế, giáo dục, an sinh "
    "xã hội, giao thông nông thôn với tổng số tiền trên {money} tỷ đồng.",
    "Song song đó, công tác hành chính được duy trì thực hiện tốt theo hệ thống quản lý chất "
    "lượng theo tiêu chuẩn ISO 9001, khắc phục được tình trạng văn bản xử lý trễ.",
    "Trong đó có {big} văn bản đến được số hóa, đạt tỷ lệ {percent}; văn bản ban hành đúng "
    "thẩm quyền, phù hợp quy định pháp luật; văn bản giải quyết kịp thời, đúng thời gian quy "
    "định đạt {percent}.",
    "Cổng Thông tin điện tử và Công báo điện tử của tỉnh hoạt động ổn định; mạng nội bộ được "
    "duy trì liên tục, kết nối thông suốt với các sở, ngành, huyện, thành phố và Văn phòng "
    "Chính phủ.",
    "Phương pháp, lề lối làm việc, thẩm định hồ sơ, trình ký, cách thức tổng hợp, tham mưu "
    "đề xuất giải quyết công việc có nhiều cải tiến, góp phần tháo gỡ khó khăn cho doanh "
    "nghiệp, địa phương.",
    "Công tác tiếp công dân, giải quyết khiếu nại, tố cáo được duy trì thực hiện tốt.",
    "Cán bộ, công chức, viên chức luôn có ý thức chấp hành và thực hiện tốt việc phòng, chống "
    "tham nhũng, thực hành tiết kiệm, chống lãng phí, không để xảy ra vi phạm.",
    "Hoạt động của Đảng bộ, các đoàn thể đi vào nề nếp, chất lượng, hiệu quả.",
    "Hội nghị đã nghe báo cáo tổng kết công tác năm {last_year} và phương hướng, nhiệm vụ năm "
    "{year} của {org}.",
    "Về công tác Đảng, năm qua Đảng bộ cơ quan quan tâm chỉ đạo thường xuyên, toàn diện các "
    "mặt công tác về chính trị, tư tưởng, tổ chức, kiểm tra, giám sát.",
    "Tuy nhiên, vẫn còn những hạn chế, khó khăn nhất định: việc nắm bắt tình hình hoạt động "
    "của sở, ban, ngành có lúc chưa thật sâu sát; một bộ phận cán bộ chưa ngang tầm với yêu "
    "cầu nhiệm vụ mới.",
    "Trên cơ sở kết quả đạt được năm {last_year}, {org} đề ra phương hướng năm {year}: tiếp "
    "tục nâng cao chất lượng tham mưu, tổng hợp; sắp xếp bộ máy tổ chức; phối hợp chặt chẽ "
    "với các sở, ban, ngành và địa phương thu thập, xử lý thông tin kịp thời.",
    "Hội nghị đã nghe các đại biểu thảo luận, góp ý và kiến nghị các giải pháp cần thực hiện "
    "trong thời gian tới nhằm nâng cao chất lượng công tác tham mưu, phục vụ.",
    "Các ý kiến tại hội nghị tập trung làm rõ nguyên nhân của những tồn tại, hạn chế trong "
    "{topic} và đề xuất giải pháp khắc phục trong thời gian tới.",
    "Đến nay, toàn tỉnh có {small} xã, phường, thị trấn triển khai hiệu quả {topic}, tăng "
    "{count} đơn vị so với cùng kỳ năm {last_year}.",
    "Kinh phí bố trí cho {topic} trong năm {year} là {money} tỷ đồng, trong đó ngân sách tỉnh "
    "chiếm {percent}.",
    "Huyện {district} là một trong những địa phương dẫn đầu tỉnh về {topic}, với nhiều cách "
    "làm sáng tạo, phù hợp với điều kiện thực tế.",
    "Tại xã {commune}, huyện {district}, người dân đánh giá cao sự quan tâm của các cấp chính "
    "quyền đối với {topic}.",
    "Lãnh đạo các sở, ngành đã báo cáo tiến độ thực hiện {topic}, chỉ rõ những vướng mắc về "
    "cơ chế, chính sách và đề xuất hướng tháo gỡ.",
    "Đại diện huyện {district} kiến nghị tỉnh quan tâm bố trí nguồn lực, hướng dẫn cụ thể để "
    "địa phương triển khai {topic} đạt kết quả tốt hơn.",
    "Qua {count} năm triển khai, {topic} đã góp phần quan trọng vào việc hoàn thành các chỉ "
    "tiêu phát triển kinh tế - xã hội của tỉnh.",
    "Toàn tỉnh đã tiếp nhận {big} hồ sơ thủ tục hành chính, trong đó {percent} hồ sơ được "
    "giải quyết trước và đúng hạn.",
    "Tỷ lệ hồ sơ được tiếp nhận và giải quyết trực tuyến toàn trình đạt {percent}, cao hơn "
    "mức bình quân chung của cả nước.",
    "Các phòng chuyên môn đã phối hợp chặt chẽ, chuẩn bị chu đáo nội dung, tài liệu phục vụ "
    "các cuộc họp, hội nghị của Thường trực UBND tỉnh.",
)

# Directions an official gives, as a bullet list after "đồng chí … đề nghị:".
TASKS = (
    "Tiếp tục nâng cao chất lượng công tác tham mưu, tổng hợp phục vụ chỉ đạo, điều hành.",
    "Đẩy mạnh ứng dụng công nghệ thông tin, xử lý hồ sơ công việc trên môi trường mạng.",
    "Rà soát, sắp xếp bộ máy làm việc đảm bảo phù hợp với chức năng, nhiệm vụ được giao.",
    "Tăng cường kỷ luật, kỷ cương hành chính; thực hiện nghiêm văn hóa công sở.",
    "Chủ động phối hợp với các sở, ngành, địa phương tháo gỡ khó khăn cho doanh nghiệp.",
    "Làm tốt công tác tiếp công dân, giải quyết khiếu nại, tố cáo ngay từ cơ sở.",
    "Quan tâm đào tạo, bồi dưỡng nâng cao trình độ cho đội ngũ cán bộ, công chức.",
    "Thực hiện tốt công tác thi đua, khen thưởng, kịp thời biểu dương gương điển hình.",
    "Bố trí đủ nguồn lực, đẩy nhanh tiến độ giải ngân vốn đầu tư công.",
    "Tăng cường công tác thông tin, tuyên truyền để người dân hiểu và đồng thuận.",
)

ATTENDANCE = (
    "Dự hội nghị có {people}; {attendees}.",
    "Đến dự có {people} cùng {attendees}.",
    "Tham dự có {people}; cùng dự có {attendees}.",
)

DIRECTION = (
    "Phát biểu chỉ đạo, đồng chí {person}, {person_title} đánh giá cao những kết quả "
    "{org} đã đạt được trong {period}, đồng thời chỉ rõ những mặt còn tồn tại, hạn chế.",
    "Phát biểu tại hội nghị, đồng chí {person}, {person_title} biểu dương những đóng góp "
    "quan trọng của cán bộ, công chức, viên chức {org} trong thời gian qua.",
    "Kết luận tại cuộc họp, đồng chí {person}, {person_title} ghi nhận tinh thần, trách "
    "nhiệm của các đơn vị trong triển khai {topic}.",
)


@dataclass(frozen=True)
class Person:
    """An official of the pool: spellings as written, and titles held over the years."""

    spellings: tuple[str, ...]
    titles: tuple[tuple[int, int, str], ...]
    """(first year, last year, title as written in items)."""


_CT = "Chủ tịch UBND tỉnh"
_PCT = "Phó Chủ tịch UBND tỉnh"
_CVP = "Chánh Văn phòng UBND tỉnh"
_PCVP = "Phó Chánh Văn phòng UBND tỉnh"

# Ordered by how often each person appears (Zipf rank). Years cover 2014–2026.
OFFICIALS: tuple[Person, ...] = (
    Person(("Bùi Văn Cửu",), ((2014, 2020, "Phó Chủ tịch TT UBND tỉnh"), (2021, 2026, _CT))),
    Person(("Nguyễn Văn Quang",), ((2014, 2020, _CT), (2021, 2026, "Bí thư Tỉnh ủy"))),
    Person(("Lý Vinh Quang",), ((2014, 2026, _PCT),)),
    Person(("Nguyễn Long Hải",), ((2014, 2022, _PCT),)),
    Person(("Đinh Công Sứ",), ((2018, 2026, _PCT),)),
    Person(("Quách Tất Liêm",), ((2021, 2026, _PCT),)),
    Person(("Nguyễn Văn Hòa", "Nguyễn Văn Hoà"), ((2014, 2019, _PCVP), (2020, 2026, _CVP))),
    Person(("Vương Trinh Quốc",), ((2014, 2019, _CVP), (2020, 2026, "Giám đốc Sở Nội vụ"))),
    Person(("Trần Thị Thủy", "Trần Thị Thuỷ"), ((2016, 2026, _PCVP),)),
    Person(("Hoàng Ngọc Bích",), ((2014, 2026, "Trưởng phòng Tổng hợp"),)),
    Person(("Lê Quang Trung",), ((2014, 2018, "Phó Chủ tịch Thường trực UBND tỉnh"),)),
    Person(("Lữ Quang Ngời",), ((2014, 2019, _PCT),)),
    Person(("Trương Cảnh Tuyên",), ((2014, 2020, _PCT),)),
    Person(("Bùi Đức Hinh",), ((2014, 2026, "Chủ tịch HĐND tỉnh"),)),
    Person(("Nguyễn Phi Long",), ((2017, 2021, "Bí thư Tỉnh ủy"),)),
    Person(("Bùi Văn Khánh",), ((2014, 2016, "Bí thư Tỉnh ủy"), (2017, 2026, _CT))),
    Person(("Đặng Thị Hòa", "Đặng Thị Hoà"), ((2015, 2026, "Giám đốc Sở Tư pháp"),)),
    Person(("Phạm Văn Hải",), ((2014, 2026, "Giám đốc Sở Tài chính"),)),
    Person(("Phạm Văn Hài",), ((2016, 2026, "Phó Giám đốc Sở Y tế"),)),
    Person(("Nguyễn Thanh Thủy", "Nguyễn Thanh Thuỷ"), ((2014, 2026, "Giám đốc Sở Y tế"),)),
    Person(("Bùi Thị Túy", "Bùi Thị Tuý"), ((2014, 2026, "Giám đốc Sở Giáo dục và Đào tạo"),)),
    Person(("Hà Văn Thụy", "Hà Văn Thuỵ"), ((2014, 2026, "Chủ tịch UBND huyện Lạc Sơn"),)),
    Person(("Đinh Thị Khóa", "Đinh Thị Khoá"), ((2015, 2026, "Phó Giám đốc Sở Nội vụ"),)),
    Person(("Nguyễn Đức Toàn",), ((2014, 2026, "Giám đốc Sở Kế hoạch và Đầu tư"),)),
    Person(("Lê Anh Đức",), ((2014, 2026, "Phó Trưởng phòng Hành chính - Tổ chức"),)),
    Person(("Nguyễn Duy Hiệp",), ((2014, 2026, "Phó Trưởng phòng Tổng hợp"),)),
    Person(("Trần Ngọc Minh",), ((2014, 2026, "Phó Trưởng phòng Kinh tế"),)),
    Person(("Bùi Xuân Trường",), ((2014, 2026, "Giám đốc Sở Nông nghiệp và PTNT"),)),
    Person(("Quách Văn Lâm",), ((2014, 2026, "Giám đốc Sở Tài nguyên và Môi trường"),)),
    Person(("Nguyễn Hồng Sơn",), ((2014, 2026, "Giám đốc Sở Giao thông vận tải"),)),
    Person(("Đỗ Văn Thắng",), ((2014, 2026, "Giám đốc Sở Thông tin và Truyền thông"),)),
    Person(("Bạch Công Tiến",), ((2014, 2026, "Giám đốc Sở Văn hóa, Thể thao và Du lịch"),)),
    Person(("Hoàng Văn Tứ",), ((2014, 2026, "Giám đốc Sở Công Thương"),)),
    Person(("Xa Thị Hạnh",), ((2014, 2026, "Giám đốc Sở Lao động - Thương binh và Xã hội"),)),
    Person(("Nguyễn Tiến Cường",), ((2014, 2026, "Chánh Thanh tra tỉnh"),)),
    Person(("Đinh Văn Phúc",), ((2014, 2026, "Giám đốc Sở Khoa học và Công nghệ"),)),
    Person(("Bùi Văn Lịch",), ((2014, 2026, "Giám đốc Sở Xây dựng"),)),
    Person(("Trịnh Thị Nhung",), ((2014, 2026, "Trưởng ban Quản lý các khu công nghiệp"),)),
    Person(("Lò Văn Tiến",), ((2014, 2026, "Trưởng ban Dân tộc tỉnh"),)),
    Person(("Hà Thị Hương",), ((2014, 2026, "Giám đốc Trung tâm Phục vụ hành chính công"),)),
    Person(("Bùi Văn Thỏa", "Bùi Văn Thoả"), ((2014, 2026, "Chủ tịch UBND huyện Kim Bôi"),)),
    Person(("Nguyễn Văn Chính",), ((2014, 2026, "Chủ tịch UBND huyện Lương Sơn"),)),
    Person(("Bùi Thanh Hà",), ((2014, 2026, "Chủ tịch UBND huyện Cao Phong"),)),
    Person(("Đinh Văn Hưng",), ((2014, 2026, "Chủ tịch UBND huyện Tân Lạc"),)),
    Person(("Hà Công Đức",), ((2014, 2026, "Chủ tịch UBND huyện Mai Châu"),)),
    Person(("Xa Văn Hùng",), ((2014, 2026, "Chủ tịch UBND huyện Đà Bắc"),)),
    Person(("Quách Công Tư",), ((2014, 2026, "Chủ tịch UBND huyện Yên Thủy"),)),
    Person(("Bùi Thị Hoa",), ((2014, 2026, "Chủ tịch UBND huyện Lạc Thủy"),)),
    Person(("Nguyễn Thị Thu Hằng",), ((2014, 2026, "Chủ tịch UBND thành phố Hòa Bình"),)),
    Person(("Đinh Thị Ánh",), ((2014, 2026, "Chủ tịch Ủy ban MTTQ tỉnh"),)),
    Person(("Bùi Văn Tỉnh",), ((2014, 2026, "Trưởng ban Tuyên giáo Tỉnh ủy"),)),
    Person(("Hoàng Thị Nga",), ((2014, 2026, "Chủ tịch Hội Liên hiệp Phụ nữ tỉnh"),)),
    Person(("Nguyễn Văn Dũng",), ((2014, 2026, "Chủ tịch Liên đoàn Lao động tỉnh"),)),
    Person(("Lê Văn Tuấn",), ((2014, 2026, "Bí thư Tỉnh đoàn"),)),
    Person(("Trần Đăng Ninh",), ((2014, 2026, "Phó Bí thư Thường trực Tỉnh ủy"),)),
    Person(("Nguyễn Thị Huệ",), ((2014, 2026, "Chánh Văn phòng Tỉnh ủy"),)),
    Person(("Phạm Đức Thủy", "Phạm Đức Thuỷ"), ((2014, 2026, "Giám đốc Công an tỉnh"),)),
    Person(("Đinh Quang Vinh",), ((2014, 2026, "Chỉ huy trưởng Bộ Chỉ huy Quân sự tỉnh"),)),
    Person(("Vũ Mạnh Hùng",), ((2014, 2026, "Giám đốc Kho bạc Nhà nước tỉnh"),)),
    Person(("Bùi Quang Tuấn",), ((2014, 2026, "Cục trưởng Cục Thuế tỉnh"),)),
)

AWARD_NAMES = (
    "Bằng khen",
    "Bằng khen",
    "Bằng khen",
    "Giấy khen",
    "Giấy khen",
    "Cờ thi đua",
    "Danh hiệu Tập thể lao động xuất sắc",
    "Danh hiệu Chiến sĩ thi đua cơ sở",
    "Huân chương Lao động hạng Ba",
    "Kỷ niệm chương",
)

AWARD_ISSUERS = (
    "Chủ tịch UBND tỉnh",
    "Chủ tịch UBND tỉnh",
    "Chủ tịch UBND tỉnh",
    "Chủ tịch Ủy ban nhân dân tỉnh",
    "Chủ tịch Uỷ ban nhân dân tỉnh",
    "Thủ tướng Chính phủ",
    "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ",
    "Chánh Văn phòng UBND tỉnh",
    "Chủ tịch nước",
    "Ban Thường vụ Tỉnh ủy",
)

RECIPIENTS = (
    "Phòng Tổng hợp",
    "Phòng Kinh tế",
    "Phòng Hành chính - Tổ chức",
    "Phòng Kiểm soát thủ tục hành chính",
    "Trung tâm Tin học - Công báo",
    "Ban Tiếp công dân tỉnh",
    "Nhà khách UBND tỉnh",
    "UBND xã Tú Sơn",
    "UBND huyện Kim Bôi",
)

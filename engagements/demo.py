"""Demo catalogue: neighborhoods, topics, languages and engagements in all five bands (see seed_demo).

Text is given per language; a language left out falls back to English on the site, as real content
does while translations are on their way.
"""

from datetime import timedelta

from django.utils import timezone
from modeltranslation.utils import build_localized_fieldname

from accounts.models import User

from .models import Category, Engagement, Format, Language, Mode, Neighborhood, Status, Topic

NEIGHBORHOODS = [
    # slug, beat, names by language
    (
        "riverside",
        "B1",
        {
            "en": "Riverside",
            "es": "Riverside",
            "vi": "Riverside",
            "zh-hans": "河畔区",
            "ar": "ريفرسايد",
        },
    ),
    (
        "old-town",
        "B2",
        {
            "en": "Old Town",
            "es": "Casco Antiguo",
            "vi": "Khu Phố Cổ",
            "zh-hans": "老城区",
            "ar": "البلدة القديمة",
        },
    ),
    (
        "eastgate",
        "B3",
        {
            "en": "Eastgate",
            "es": "Eastgate",
            "vi": "Eastgate",
            "zh-hans": "东门区",
            "ar": "إيستغيت",
        },
    ),
    (
        "northpark",
        "B4",
        {
            "en": "Northpark",
            "es": "Northpark",
            "vi": "Northpark",
            "zh-hans": "北园区",
            "ar": "نورثبارك",
        },
    ),
    (
        "harbor-view",
        "B5",
        {
            "en": "Harbor View",
            "es": "Vista del Puerto",
            "vi": "Harbor View",
            "zh-hans": "港景区",
            "ar": "هاربر فيو",
        },
    ),
    (
        "westfield",
        "B6",
        {
            "en": "Westfield",
            "es": "Westfield",
            "vi": "Westfield",
            "zh-hans": "西田区",
            "ar": "ويستفيلد",
        },
    ),
    (
        "lakeshore",
        "B7",
        {
            "en": "Lakeshore",
            "es": "Orilla del Lago",
            "vi": "Bờ Hồ",
            "zh-hans": "湖滨区",
            "ar": "شاطئ البحيرة",
        },
    ),
    (
        "university",
        "B8",
        {
            "en": "University District",
            "es": "Distrito Universitario",
            "vi": "Khu Đại Học",
            "zh-hans": "大学区",
            "ar": "حي الجامعة",
        },
    ),
]

TOPICS = [
    (
        "use-of-force",
        {
            "en": "Use of force",
            "es": "Uso de la fuerza",
            "vi": "Sử dụng vũ lực",
            "zh-hans": "使用武力",
            "ar": "استخدام القوة",
        },
    ),
    (
        "body-worn-cameras",
        {
            "en": "Body-worn cameras",
            "es": "Cámaras corporales",
            "vi": "Camera đeo trên người",
            "zh-hans": "随身摄像机",
            "ar": "الكاميرات المحمولة على الجسم",
        },
    ),
    (
        "traffic",
        {
            "en": "Traffic safety",
            "es": "Seguridad vial",
            "vi": "An toàn giao thông",
            "zh-hans": "交通安全",
            "ar": "السلامة المرورية",
        },
    ),
    (
        "youth",
        {
            "en": "Youth",
            "es": "Juventud",
            "vi": "Thanh thiếu niên",
            "zh-hans": "青少年",
            "ar": "الشباب",
        },
    ),
    (
        "technology",
        {
            "en": "Technology",
            "es": "Tecnología",
            "vi": "Công nghệ",
            "zh-hans": "技术",
            "ar": "التكنولوجيا",
        },
    ),
    (
        "policies",
        {
            "en": "Policies",
            "es": "Políticas",
            "vi": "Chính sách",
            "zh-hans": "政策",
            "ar": "السياسات",
        },
    ),
    (
        "strategic-plan",
        {
            "en": "Strategic plan",
            "es": "Plan estratégico",
            "vi": "Kế hoạch chiến lược",
            "zh-hans": "战略规划",
            "ar": "الخطة الاستراتيجية",
        },
    ),
    (
        "enforcement-priorities",
        {
            "en": "Enforcement priorities",
            "es": "Prioridades de aplicación de la ley",
            "vi": "Ưu tiên thực thi pháp luật",
            "zh-hans": "执法重点",
            "ar": "أولويات إنفاذ القانون",
        },
    ),
    (
        "neighborhood-safety",
        {
            "en": "Neighborhood safety",
            "es": "Seguridad del vecindario",
            "vi": "An ninh khu phố",
            "zh-hans": "社区安全",
            "ar": "سلامة الحي",
        },
    ),
]

LANGUAGES = [
    ("en", "English", "English"),
    ("es", "Spanish", "Español"),
    ("vi", "Vietnamese", "Tiếng Việt"),
    ("zh-hans", "Chinese (Simplified)", "简体中文"),
    ("ar", "Arabic", "العربية"),
    ("so", "Somali", "Soomaali"),
    ("ht", "Haitian Creole", "Kreyòl ayisyen"),
    ("tl", "Tagalog", "Tagalog"),
]

ALL_UI = ["en", "es", "vi", "zh-hans", "ar"]

ENGAGEMENTS = [
    {
        "title": {
            "en": "Coffee with a Cop at Riverside Library",
            "es": "Café con un policía en la Biblioteca de Riverside",
            "vi": "Cà phê với cảnh sát tại Thư viện Riverside",
            "zh-hans": "河畔图书馆“与警察喝咖啡”",
            "ar": "قهوة مع شرطي في مكتبة ريفرسايد",
        },
        "summary": {
            "en": "No speeches, no agenda: drop in, have a coffee and talk with the officers who patrol your streets.",
            "es": "Sin discursos ni agenda: pase, tome un café y converse con los agentes que patrullan sus calles.",
            "vi": "Không diễn văn, không chương trình nghị sự: ghé qua, uống cà phê và trò chuyện với các cảnh sát tuần tra khu phố của bạn.",
            "zh-hans": "没有演讲，没有议程：欢迎随时前来，喝杯咖啡，与在您街区巡逻的警员聊聊。",
            "ar": "بلا خطابات ولا جدول أعمال: تعال واشرب القهوة وتحدث مع الضباط الذين يقومون بدوريات في شوارعك.",
        },
        "category": Category.IN_PERSON,
        "format": Format.COFFEE_WITH_A_COP,
        "mode": Mode.IN_PERSON,
        "location": {"en": "Riverside Library, 120 Mill Street"},
        "neighborhoods": ["riverside"],
        "topics": ["neighborhood-safety"],
        "languages": ["en", "es"],
        "access": ["step_free_access", "language_interpretation"],
        "starts_in_days": 5,
        "hours": 2,
        "status": Status.PUBLISHED,
    },
    {
        "title": {
            "en": "Town hall: our draft body-worn camera policy",
            "es": "Reunión comunitaria: nuestro borrador de política de cámaras corporales",
            "vi": "Họp cộng đồng: dự thảo chính sách camera đeo trên người",
            "zh-hans": "市民大会：随身摄像机政策草案",
            "ar": "لقاء مفتوح: مسودة سياستنا بشأن الكاميرات المحمولة على الجسم",
        },
        "summary": {
            "en": "When are cameras on, who can see the footage, and how long is it kept? Hear the draft and tell us what to change.",
            "es": "¿Cuándo se encienden las cámaras, quién puede ver las grabaciones y cuánto tiempo se guardan? Conozca el borrador y díganos qué cambiar.",
            "vi": "Khi nào camera được bật, ai được xem đoạn ghi hình và lưu giữ bao lâu? Hãy nghe dự thảo và cho chúng tôi biết cần thay đổi gì.",
            "zh-hans": "摄像机何时开启？谁可以查看录像？录像保存多久？请了解草案并告诉我们需要修改什么。",
            "ar": "متى تعمل الكاميرات، ومن يمكنه مشاهدة التسجيلات، وكم تُحفظ؟ استمع إلى المسودة وأخبرنا بما يجب تغييره.",
        },
        "description": {
            "en": "The chief and the body-worn camera project team present the draft policy section by section. Half of the meeting is for your questions and comments. Every comment is recorded, and we will publish what we changed because of it.\n\nJoin in person at Old Town Community Center or online; interpretation into Spanish, Vietnamese, Chinese and Arabic, ASL and live captions are provided.",
        },
        "category": Category.IN_PERSON,
        "format": Format.TOWN_HALL,
        "mode": Mode.HYBRID,
        "location": {"en": "Old Town Community Center and online"},
        "neighborhoods": [],
        "topics": ["body-worn-cameras", "policies", "technology"],
        "languages": ALL_UI,
        "access": [
            "step_free_access",
            "asl_interpretation",
            "language_interpretation",
            "childcare",
            "captioning",
        ],
        "starts_in_days": 12,
        "hours": 2,
        "status": Status.PUBLISHED,
    },
    {
        "title": {
            "en": "Ride along with patrol, K-9 or traffic officers",
            "es": "Acompañe a agentes de patrulla, K-9 o tránsito",
            "vi": "Đi cùng cảnh sát tuần tra, đơn vị K-9 hoặc cảnh sát giao thông",
            "zh-hans": "随巡逻、警犬或交通警员同行",
            "ar": "رافق ضباط الدورية أو وحدة الكلاب البوليسية أو المرور",
        },
        "summary": {
            "en": "Spend a shift in a patrol car and see policing up close. Open to residents 18 and over, or 16–17 with a guardian's consent.",
            "es": "Pase un turno en una patrulla y conozca de cerca el trabajo policial. Para residentes de 18 años o más, o de 16 a 17 con permiso de un tutor.",
            "vi": "Dành một ca trực trên xe tuần tra để hiểu rõ công việc cảnh sát. Dành cho cư dân từ 18 tuổi, hoặc 16–17 tuổi có sự đồng ý của người giám hộ.",
            "zh-hans": "在巡逻车上度过一个班次，近距离了解警务工作。面向18岁及以上居民，16至17岁须经监护人同意。",
            "ar": "اقضِ نوبة عمل في سيارة دورية وتعرّف على العمل الشرطي عن قرب. متاح للمقيمين من عمر 18 عامًا فأكثر، أو من 16 إلى 17 عامًا بموافقة ولي الأمر.",
        },
        "category": Category.IN_PERSON,
        "format": Format.RIDE_OUT,
        "mode": Mode.IN_PERSON,
        "location": {"en": "Central Station, 45 Court Street"},
        "neighborhoods": [],
        "topics": ["neighborhood-safety", "traffic"],
        "languages": ["en", "es"],
        "access": [],
        "starts_in_days": None,
        "status": Status.PUBLISHED,
    },
    {
        "title": {
            "en": "Front-porch line-up on Elm Street",
            "es": "Reunión en el porche en la calle Elm",
            "vi": "Buổi gặp gỡ trước hiên nhà trên đường Elm",
            "zh-hans": "榆树街门廊见面会",
            "ar": "لقاء على الشرفة في شارع إلم",
        },
        "summary": {
            "en": "The Eastgate beat team holds its shift briefing on a neighbor's porch. Come meet them and raise what matters on your block.",
            "es": "El equipo de Eastgate hace su reunión de turno en el porche de un vecino. Venga a conocerlos y plantee lo que importa en su cuadra.",
            "vi": "Đội tuần tra Eastgate họp giao ca ngay trước hiên nhà một người hàng xóm. Hãy đến gặp họ và nêu những vấn đề của khu phố bạn.",
            "zh-hans": "东门巡区警队在一位邻居的门廊上召开交班会。欢迎前来认识他们，谈谈您街区关心的问题。",
            "ar": "يعقد فريق دورية إيستغيت اجتماع بداية النوبة على شرفة أحد الجيران. تعال للتعرف عليهم وطرح ما يهم شارعك.",
        },
        "category": Category.IN_PERSON,
        "format": Format.FRONT_PORCH_LINEUP,
        "mode": Mode.IN_PERSON,
        "location": {"en": "214 Elm Street"},
        "neighborhoods": ["eastgate"],
        "topics": ["neighborhood-safety"],
        "languages": ["en", "so"],
        "access": ["step_free_access"],
        "starts_in_days": 8,
        "hours": 1,
        "status": Status.PUBLISHED,
    },
    {
        "title": {
            "en": "Neighborhood briefing: speeding on Harbor Boulevard",
            "es": "Reunión informativa: exceso de velocidad en Harbor Boulevard",
            "vi": "Họp thông tin khu phố: chạy quá tốc độ trên đại lộ Harbor",
            "zh-hans": "社区通报会：港湾大道超速问题",
            "ar": "إحاطة للحي: السرعة الزائدة في شارع هاربر",
        },
        "summary": {
            "en": "After three crashes this autumn, traffic officers share the data and ask residents where enforcement and traffic calming should go first.",
            "es": "Tras tres choques este otoño, los agentes de tránsito comparten los datos y preguntan a los vecinos dónde actuar primero.",
            "vi": "Sau ba vụ va chạm mùa thu này, cảnh sát giao thông chia sẻ số liệu và hỏi cư dân nên ưu tiên kiểm soát ở đâu trước.",
            "zh-hans": "今秋发生三起车祸后，交警将分享数据，并听取居民意见：执法和交通减速措施应优先在哪里实施。",
            "ar": "بعد ثلاثة حوادث هذا الخريف، يعرض ضباط المرور البيانات ويسألون السكان عن الأماكن التي يجب البدء بها.",
        },
        "category": Category.IN_PERSON,
        "format": Format.NEIGHBORHOOD_BRIEFING,
        "mode": Mode.IN_PERSON,
        "location": {"en": "Harbor View Elementary School gym"},
        "neighborhoods": ["harbor-view"],
        "topics": ["traffic", "enforcement-priorities"],
        "languages": ["en", "vi"],
        "access": ["step_free_access", "language_interpretation", "childcare"],
        "starts_in_days": 3,
        "hours": 1,
        "status": Status.PUBLISHED,
    },
    {
        "title": {
            "en": "National Night Out 2026",
            "es": "Noche Nacional Contra el Crimen 2026",
            "vi": "Đêm Hội Cộng Đồng Toàn Quốc 2026",
            "zh-hans": "2026年全国社区守望之夜",
            "ar": "ليلة الخروج الوطنية 2026",
        },
        "summary": {
            "en": "Block parties in every neighborhood with officers, firefighters and neighbors. Thank you to the 2,300 people who came.",
            "es": "Fiestas de cuadra en cada vecindario con agentes, bomberos y vecinos. Gracias a las 2.300 personas que asistieron.",
            "vi": "Tiệc khu phố ở mọi khu dân cư cùng cảnh sát, lính cứu hỏa và hàng xóm. Cảm ơn 2.300 người đã tham dự.",
            "zh-hans": "各社区与警员、消防员和邻居共同举办街区聚会。感谢2300位参与者。",
            "ar": "حفلات في كل حي مع الضباط ورجال الإطفاء والجيران. شكرًا لـ 2300 شخص حضروا.",
        },
        "category": Category.IN_PERSON,
        "format": Format.NATIONAL_NIGHT_OUT,
        "mode": Mode.IN_PERSON,
        "neighborhoods": [],
        "topics": ["neighborhood-safety"],
        "languages": ["en", "es", "vi"],
        "access": ["step_free_access"],
        "starts_in_days": -110,
        "hours": 4,
        "status": Status.CLOSED,
    },
    {
        "title": {
            "en": "Citizen Police Academy, spring cohort in Spanish and Vietnamese",
            "es": "Academia de Policía Ciudadana, grupo de primavera en español y vietnamita",
            "vi": "Học viện Cảnh sát cho Công dân, khóa mùa xuân bằng tiếng Tây Ban Nha và tiếng Việt",
            "zh-hans": "市民警察学院春季班（西班牙语和越南语授课）",
            "ar": "أكاديمية الشرطة للمواطنين، دفعة الربيع بالإسبانية والفيتنامية",
        },
        "summary": {
            "en": "Ten Tuesday evenings on how the department works, from 911 calls to use-of-force training. Taught with interpreters; free.",
            "es": "Diez martes por la noche sobre cómo funciona el departamento, desde las llamadas al 911 hasta la capacitación en uso de la fuerza. Con intérpretes; gratis.",
            "vi": "Mười tối thứ Ba tìm hiểu cách sở cảnh sát hoạt động, từ cuộc gọi 911 đến huấn luyện sử dụng vũ lực. Có thông dịch viên; miễn phí.",
            "zh-hans": "十个周二晚上，了解警察局如何运作，从911报警电话到使用武力培训。配有口译，免费。",
            "ar": "عشر أمسيات أيام الثلاثاء عن كيفية عمل الإدارة، من مكالمات 911 إلى التدريب على استخدام القوة. مع مترجمين؛ مجانًا.",
        },
        "category": Category.STRUCTURED_PROGRAMS,
        "format": Format.CITIZEN_POLICE_ACADEMY,
        "mode": Mode.IN_PERSON,
        "location": {"en": "Police Training Center, 900 Lake Road"},
        "neighborhoods": [],
        "topics": ["use-of-force", "policies"],
        "languages": ["es", "vi", "en"],
        "access": ["step_free_access", "language_interpretation", "childcare"],
        "starts_in_days": 60,
        "hours": 3,
        "status": Status.PUBLISHED,
    },
    {
        "title": {
            "en": "Police Explorers (ages 14 to 20)",
            "es": "Exploradores de la Policía (de 14 a 20 años)",
            "vi": "Chương trình Thanh thiếu niên Khám phá Cảnh sát (14 đến 20 tuổi)",
            "zh-hans": "警察探索者计划（14至20岁）",
            "ar": "مستكشفو الشرطة (من 14 إلى 20 عامًا)",
        },
        "summary": {
            "en": "Young people learn leadership, first aid and how policing works, with mentors from the department.",
            "es": "Los jóvenes aprenden liderazgo, primeros auxilios y cómo funciona la policía, con mentores del departamento.",
            "vi": "Thanh thiếu niên học kỹ năng lãnh đạo, sơ cứu và cách công việc cảnh sát vận hành, cùng người hướng dẫn từ sở.",
            "zh-hans": "青少年在警局导师指导下学习领导力、急救知识以及警务工作方式。",
            "ar": "يتعلم الشباب القيادة والإسعافات الأولية وكيفية عمل الشرطة، مع مرشدين من الإدارة.",
        },
        "category": Category.STRUCTURED_PROGRAMS,
        "format": Format.YOUTH_PROGRAM,
        "mode": Mode.IN_PERSON,
        "neighborhoods": ["northpark", "westfield"],
        "topics": ["youth"],
        "languages": ["en", "es"],
        "access": ["step_free_access"],
        "starts_in_days": 20,
        "hours": 2,
        "status": Status.PUBLISHED,
    },
    {
        "title": {
            "en": "Volunteers in Police Service",
            "es": "Voluntarios al Servicio de la Policía",
            "vi": "Tình nguyện viên phục vụ cùng Cảnh sát",
            "zh-hans": "警务志愿者",
            "ar": "متطوعون في خدمة الشرطة",
        },
        "summary": {
            "en": "Help at community events, with victim services or as a neighborhood watch liaison. Training provided; a few hours a month.",
            "es": "Ayude en eventos comunitarios, en servicios a víctimas o como enlace de vigilancia vecinal. Con capacitación; unas horas al mes.",
            "vi": "Hỗ trợ tại các sự kiện cộng đồng, dịch vụ hỗ trợ nạn nhân hoặc làm liên lạc viên tổ dân phòng. Có đào tạo; vài giờ mỗi tháng.",
            "zh-hans": "协助社区活动、受害者服务，或担任邻里守望联络员。提供培训，每月几个小时。",
            "ar": "ساعد في الفعاليات المجتمعية أو خدمات الضحايا أو كمنسق لمراقبة الحي. يُقدَّم التدريب؛ بضع ساعات شهريًا.",
        },
        "category": Category.STRUCTURED_PROGRAMS,
        "format": Format.VOLUNTEER_PROGRAM,
        "mode": Mode.IN_PERSON,
        "neighborhoods": [],
        "topics": ["neighborhood-safety"],
        "languages": ["en", "es", "vi", "zh-hans"],
        "access": [],
        "starts_in_days": None,
        "status": Status.PUBLISHED,
    },
    {
        "title": {
            "en": "Role-players for officer hiring scenarios",
            "es": "Participantes para escenarios de contratación de agentes",
            "vi": "Người đóng vai trong các tình huống tuyển dụng cảnh sát",
            "zh-hans": "警员招聘情景模拟角色扮演者",
            "ar": "مؤدّو أدوار في سيناريوهات توظيف الضباط",
        },
        "summary": {
            "en": "Play a worried neighbor or a crime victim while candidates respond. Your view of how they treat you counts in their assessment.",
            "es": "Interprete a un vecino preocupado o a una víctima mientras los candidatos responden. Su opinión sobre cómo le tratan cuenta en la evaluación.",
            "vi": "Đóng vai một người hàng xóm lo lắng hoặc nạn nhân khi ứng viên xử lý tình huống. Nhận xét của bạn về cách họ đối xử được tính vào kết quả đánh giá.",
            "zh-hans": "扮演一位担忧的邻居或犯罪受害者，由应聘者作出回应。您对他们如何对待您的评价将计入考核。",
            "ar": "أدِّ دور جار قلق أو ضحية جريمة بينما يستجيب المرشحون. رأيك في طريقة تعاملهم معك يُحتسب في تقييمهم.",
        },
        "category": Category.PERSONNEL_DEVELOPMENT,
        "format": Format.HIRING_SCENARIO,
        "mode": Mode.IN_PERSON,
        "location": {"en": "Police Training Center, 900 Lake Road"},
        "neighborhoods": [],
        "topics": ["policies"],
        "languages": ["en"],
        "access": ["step_free_access"],
        "starts_in_days": 30,
        "hours": 4,
        "status": Status.PUBLISHED,
    },
    {
        "title": {
            "en": "Co-facilitated training: responding to domestic violence",
            "es": "Capacitación conjunta: respuesta a la violencia doméstica",
            "vi": "Đào tạo đồng hướng dẫn: ứng phó với bạo lực gia đình",
            "zh-hans": "联合授课培训：应对家庭暴力",
            "ar": "تدريب مشترك: الاستجابة للعنف الأسري",
        },
        "summary": {
            "en": "Detectives and community victim advocates teach new officers together. Advocates from community organizations are invited to co-lead.",
            "es": "Detectives y defensores comunitarios de víctimas enseñan juntos a los nuevos agentes. Se invita a defensores de organizaciones comunitarias a dirigirla.",
            "vi": "Thanh tra và những người bênh vực nạn nhân trong cộng đồng cùng giảng dạy cho cảnh sát mới. Mời các tổ chức cộng đồng cùng hướng dẫn.",
            "zh-hans": "警探与社区受害者权益倡导者共同为新警员授课。诚邀社区组织的倡导者共同主持。",
            "ar": "يُدرّب المحققون ومناصرو الضحايا في المجتمع الضباط الجدد معًا. ندعو مناصري المنظمات المجتمعية إلى المشاركة في القيادة.",
        },
        "category": Category.PERSONNEL_DEVELOPMENT,
        "format": Format.CO_FACILITATED_TRAINING,
        "mode": Mode.IN_PERSON,
        "neighborhoods": [],
        "topics": ["policies"],
        "languages": ["en", "es"],
        "access": ["step_free_access"],
        "starts_in_days": 45,
        "hours": 6,
        "status": Status.PUBLISHED,
    },
    {
        "title": {
            "en": "Survey: what should we prioritize in 2027?",
            "es": "Encuesta: ¿qué debemos priorizar en 2027?",
            "vi": "Khảo sát: chúng tôi nên ưu tiên điều gì trong năm 2027?",
            "zh-hans": "问卷调查：2027年我们应优先关注什么？",
            "ar": "استطلاع: ما الذي يجب أن نعطيه الأولوية في 2027؟",
        },
        "summary": {
            "en": "Ten minutes, anonymous, in five languages. Tell us which problems matter most where you live.",
            "es": "Diez minutos, anónima, en cinco idiomas. Díganos qué problemas importan más donde usted vive.",
            "vi": "Mười phút, ẩn danh, bằng năm ngôn ngữ. Hãy cho chúng tôi biết vấn đề nào quan trọng nhất nơi bạn sống.",
            "zh-hans": "十分钟，匿名，提供五种语言。告诉我们您所在地区最重要的问题。",
            "ar": "عشر دقائق، دون ذكر الاسم، بخمس لغات. أخبرنا بالمشكلات الأكثر أهمية في مكان سكنك.",
        },
        "category": Category.INFORMATION_SHARING,
        "format": Format.COMMUNITY_SURVEY,
        "mode": Mode.VIRTUAL,
        "neighborhoods": [],
        "topics": ["enforcement-priorities", "strategic-plan"],
        "languages": ALL_UI,
        "access": [],
        "starts_in_days": None,
        "status": Status.PUBLISHED,
    },
    {
        "title": {
            "en": "Press conference on the license plate reader proposal: send your questions",
            "es": "Rueda de prensa sobre la propuesta de lectores de matrículas: envíe sus preguntas",
            "vi": "Họp báo về đề xuất máy đọc biển số xe: gửi câu hỏi của bạn",
            "zh-hans": "车牌识别器提案新闻发布会：欢迎提交您的问题",
            "ar": "مؤتمر صحفي حول مقترح قارئات لوحات السيارات: أرسل أسئلتك",
        },
        "summary": {
            "en": "The chief answers questions from the media and from residents. Send yours beforehand; we answer the most asked first.",
            "es": "El jefe responde preguntas de los medios y de los vecinos. Envíe la suya con antelación; respondemos primero las más frecuentes.",
            "vi": "Cảnh sát trưởng trả lời câu hỏi của báo chí và cư dân. Hãy gửi câu hỏi trước; chúng tôi trả lời những câu được hỏi nhiều nhất trước.",
            "zh-hans": "警察局长将回答媒体和居民的提问。请提前提交，我们将优先回答被问得最多的问题。",
            "ar": "يجيب رئيس الشرطة عن أسئلة وسائل الإعلام والسكان. أرسل سؤالك مسبقًا؛ نجيب عن الأسئلة الأكثر تكرارًا أولًا.",
        },
        "category": Category.INFORMATION_SHARING,
        "format": Format.PRESS_CONFERENCE,
        "mode": Mode.HYBRID,
        "location": {"en": "City Hall press room and live stream"},
        "neighborhoods": [],
        "topics": ["technology"],
        "languages": ["en", "es"],
        "access": ["captioning", "asl_interpretation"],
        "starts_in_days": 9,
        "hours": 1,
        "status": Status.PUBLISHED,
    },
    {
        "title": {
            "en": "Listening session: police response to people in crisis",
            "es": "Sesión de escucha: la respuesta policial a personas en crisis",
            "vi": "Buổi lắng nghe: cách cảnh sát ứng phó với người đang gặp khủng hoảng",
            "zh-hans": "倾听会：警方如何应对处于危机中的人",
            "ar": "جلسة استماع: استجابة الشرطة للأشخاص في أزمة",
        },
        "summary": {
            "en": "A small, facilitated conversation led by an independent mediator. Tell us what worked and what did not when police responded to a mental health crisis.",
            "es": "Una conversación pequeña guiada por un mediador independiente. Cuéntenos qué funcionó y qué no cuando la policía respondió a una crisis de salud mental.",
            "vi": "Một buổi trò chuyện nhỏ do hòa giải viên độc lập dẫn dắt. Hãy kể điều gì hiệu quả và điều gì chưa khi cảnh sát ứng phó với khủng hoảng sức khỏe tâm thần.",
            "zh-hans": "由独立调解员主持的小型座谈。请告诉我们，警方应对心理健康危机时，哪些做法有效，哪些无效。",
            "ar": "حوار صغير يديره وسيط مستقل. أخبرنا بما نجح وما لم ينجح عندما استجابت الشرطة لأزمة صحة نفسية.",
        },
        "category": Category.CO_PRODUCED_SOLUTIONS,
        "format": Format.LISTENING_SESSION,
        "mode": Mode.IN_PERSON,
        "location": {"en": "Northpark Recreation Center"},
        "neighborhoods": ["northpark"],
        "topics": ["use-of-force", "policies"],
        "languages": ["en", "es"],
        "access": ["step_free_access", "asl_interpretation", "childcare"],
        "starts_in_days": 15,
        "hours": 2,
        "status": Status.PUBLISHED,
    },
    {
        "title": {
            "en": "Pursuit policy review committee",
            "es": "Comité de revisión de la política de persecuciones",
            "vi": "Ủy ban xem xét chính sách truy đuổi phương tiện",
            "zh-hans": "追车政策审查委员会",
            "ar": "لجنة مراجعة سياسة المطاردات",
        },
        "summary": {
            "en": "Residents and officers review the vehicle pursuit policy section by section and recommend changes to the chief.",
            "es": "Vecinos y agentes revisan la política de persecución de vehículos sección por sección y recomiendan cambios al jefe.",
            "vi": "Cư dân và cảnh sát xem xét từng phần chính sách truy đuổi phương tiện và kiến nghị thay đổi lên cảnh sát trưởng.",
            "zh-hans": "居民与警员逐条审查车辆追逐政策，并向局长提出修改建议。",
            "ar": "يراجع السكان والضباط سياسة مطاردة المركبات قسمًا قسمًا ويوصون رئيس الشرطة بالتغييرات.",
        },
        "category": Category.CO_PRODUCED_SOLUTIONS,
        "format": Format.POLICY_REVIEW,
        "mode": Mode.HYBRID,
        "neighborhoods": [],
        "topics": ["policies", "use-of-force", "traffic"],
        "languages": ["en"],
        "access": ["captioning"],
        "starts_in_days": 25,
        "hours": 2,
        "status": Status.PUBLISHED,
    },
    {
        "title": {
            "en": "Community advisory group on recruiting",
            "es": "Grupo asesor comunitario sobre reclutamiento",
            "vi": "Nhóm tư vấn cộng đồng về tuyển dụng",
            "zh-hans": "招聘工作社区咨询小组",
            "ar": "مجموعة استشارية مجتمعية حول التوظيف",
        },
        "summary": {
            "en": "Help us recruit officers who reflect the city. Draft: the charter is still being written.",
        },
        "category": Category.CO_PRODUCED_SOLUTIONS,
        "format": Format.ADVISORY_GROUP,
        "mode": Mode.IN_PERSON,
        "neighborhoods": [],
        "topics": ["policies"],
        "languages": ["en"],
        "access": [],
        "starts_in_days": None,
        "status": Status.DRAFT,
    },
    {
        "title": {
            "en": "Strategic plan 2027–2030 focus groups",
            "es": "Grupos focales del plan estratégico 2027–2030",
            "vi": "Nhóm thảo luận về kế hoạch chiến lược 2027–2030",
            "zh-hans": "2027–2030年战略规划焦点小组",
            "ar": "مجموعات نقاش الخطة الاستراتيجية 2027–2030",
        },
        "summary": {
            "en": "Eight focus groups, one in each neighborhood, shaped the department's next strategic plan.",
            "es": "Ocho grupos focales, uno en cada vecindario, dieron forma al próximo plan estratégico del departamento.",
            "vi": "Tám nhóm thảo luận, mỗi khu phố một nhóm, đã góp phần định hình kế hoạch chiến lược tiếp theo của sở.",
            "zh-hans": "八个焦点小组（每个社区一个）为警察局的下一个战略规划提供了意见。",
            "ar": "ثماني مجموعات نقاش، واحدة في كل حي، ساهمت في صياغة الخطة الاستراتيجية القادمة للإدارة.",
        },
        "category": Category.CO_PRODUCED_SOLUTIONS,
        "format": Format.LISTENING_SESSION,
        "mode": Mode.IN_PERSON,
        "neighborhoods": [slug for slug, *_rest in NEIGHBORHOODS],
        "topics": ["strategic-plan"],
        "languages": ["en", "es", "vi", "zh-hans", "ar", "so"],
        "access": ["step_free_access", "language_interpretation", "childcare"],
        "starts_in_days": -75,
        "hours": 2,
        "status": Status.CLOSED,
    },
]

ACCESS_FIELDS = (
    "step_free_access",
    "asl_interpretation",
    "language_interpretation",
    "childcare",
    "captioning",
)

# Demo residents' neighborhoods and followed topics, so that audiences have someone in them.
RESIDENT_HOMES = {
    "ana@demo.example": ("riverside", ["neighborhood-safety", "youth"]),
    "minh@demo.example": ("harbor-view", ["traffic"]),
    "mei@demo.example": ("university", ["technology", "policies"]),
    "fatima@demo.example": ("eastgate", ["use-of-force", "body-worn-cameras"]),
    "jordan@demo.example": ("old-town", ["strategic-plan"]),
}


def _translated(field: str, texts: dict[str, str]) -> dict[str, str]:
    return {build_localized_fieldname(field, code): text for code, text in texts.items()}


def seed() -> list[tuple[str, str]]:
    neighborhoods = {}
    for slug, beat, names in NEIGHBORHOODS:
        neighborhoods[slug], _ = Neighborhood.objects.update_or_create(
            slug=slug, defaults={"beat": beat, **_translated("name", names)}
        )
    topics = {}
    for slug, names in TOPICS:
        topics[slug], _ = Topic.objects.update_or_create(
            slug=slug, defaults=_translated("name", names)
        )
    languages = {}
    for code, name, native in LANGUAGES:
        languages[code], _ = Language.objects.update_or_create(
            code=code, defaults={"name": name, "native_name": native}
        )

    owner = User.objects.filter(email="outreach@demo.example").first()
    # Evening meetings in the agency's own time zone, so the demo reads like a real calendar.
    now = timezone.localtime().replace(minute=0, second=0, microsecond=0)
    for item in ENGAGEMENTS:
        days = item.get("starts_in_days")
        starts_at = (
            None
            if days is None
            else (now + timedelta(days=days)).replace(hour=18 if days >= 0 else 17)
        )
        ends_at = None if starts_at is None else starts_at + timedelta(hours=item.get("hours", 2))
        status = item["status"]
        values = {
            **_translated("title", item["title"]),
            **_translated("summary", item["summary"]),
            **_translated("description", item.get("description", {})),
            **_translated("location", item.get("location", {})),
            "category": item["category"],
            "format": item["format"],
            "mode": item["mode"],
            "starts_at": starts_at,
            "ends_at": ends_at,
            "status": status,
            "owner": owner,
            **{field: field in item["access"] for field in ACCESS_FIELDS},
        }
        engagement = Engagement.objects.filter(title_en=item["title"]["en"]).first() or Engagement()
        for name, value in values.items():
            setattr(engagement, name, value)
        past_event = starts_at is not None and starts_at < now
        if status != Status.DRAFT and engagement.published_at is None:
            engagement.published_at = (
                starts_at - timedelta(days=21) if past_event else now - timedelta(days=30)
            )
        if status == Status.CLOSED and engagement.closed_at is None:
            engagement.closed_at = ends_at + timedelta(days=1) if past_event else now
        engagement.full_clean()
        engagement.save()
        engagement.neighborhoods.set([neighborhoods[slug] for slug in item["neighborhoods"]])
        engagement.topics.set([topics[slug] for slug in item["topics"]])
        engagement.languages.set([languages[code] for code in item["languages"]])

    for email, (home, followed) in RESIDENT_HOMES.items():
        user = User.objects.filter(email=email).first()
        if user is not None:
            user.neighborhood = neighborhoods[home]
            user.save(update_fields=["neighborhood"])
            user.topics_followed.set([topics[slug] for slug in followed])
    _seed_loop()
    return []


# The loop, so a newcomer sees inputs, decisions of every kind and report-backs.
LOOP = {
    "Strategic plan 2027–2030 focus groups": {
        "inputs": [
            (
                "Officers should walk the neighborhood more, not only drive through.",
                "en",
                "ana@demo.example",
            ),
            ("Más agentes que hablen español en el turno de noche.", "es", "ana@demo.example"),
            ("Cần có thông dịch viên tiếng Việt khi báo cảnh sát.", "vi", "minh@demo.example"),
            ("Publish response times for every neighborhood.", "en", "jordan@demo.example"),
            ("Ban traffic stops entirely.", "en", None),
            ("希望警察多来社区活动。", "zh-hans", "mei@demo.example"),
        ],
        "actions": [
            (0, "adopted", "Put foot patrols in every beat's plan", "", "", 30),
            (1, "partly_adopted", "Recruit bilingual officers for night shifts", "", "", 90),
            (
                2,
                "already_in_place",
                "Interpretation on 911 calls through the language line",
                "",
                "",
                None,
            ),
            (3, "adopted", "Publish response times by neighborhood each quarter", "", "", -10),
            (
                4,
                "not_adopted",
                "Ending all traffic stops",
                "Traffic stops remain one of our main tools against deadly crashes; the plan instead limits stops for equipment violations.",
                "",
                None,
            ),
            (
                5,
                "referred",
                "More community events in the University District",
                "",
                "Parks and Recreation Department",
                None,
            ),
        ],
        "report_back": {
            "heard": {
                "en": "Across eight focus groups you asked for officers you can talk to: more foot patrols, officers who speak your language, and open figures on response times.",
                "es": "En ocho grupos focales pidieron agentes con quienes poder hablar: más patrullas a pie, agentes que hablen su idioma y cifras públicas sobre los tiempos de respuesta.",
                "vi": "Qua tám nhóm thảo luận, quý vị mong muốn có những cảnh sát mà quý vị có thể trò chuyện: tuần tra đi bộ nhiều hơn, cảnh sát nói được ngôn ngữ của quý vị, và công khai thời gian phản hồi.",
            },
            "did": {
                "en": "Foot patrols are now part of every beat's plan, we are recruiting bilingual night-shift officers, and response times by neighborhood are published every quarter.",
                "es": "Las patrullas a pie ya forman parte del plan de cada sector, estamos reclutando agentes bilingües para el turno de noche y publicamos cada trimestre los tiempos de respuesta por vecindario.",
                "vi": "Tuần tra đi bộ nay đã có trong kế hoạch của mọi khu vực, chúng tôi đang tuyển cảnh sát song ngữ cho ca đêm, và thời gian phản hồi theo từng khu phố được công bố mỗi quý.",
            },
        },
    },
    "Town hall: our draft body-worn camera policy": {
        "inputs": [
            ("Cameras should be on for every call, not only arrests.", "en", "fatima@demo.example"),
            ("Who can see the video of my family?", "en", None),
            ("¿Cuánto tiempo guardan los videos?", "es", "ana@demo.example"),
        ],
        "actions": [
            (2, "under_review", "Review how long footage is kept", "", "", 14),
        ],
    },
}


def _seed_loop() -> None:
    from .services import action_create, input_create, report_back_publish, report_back_save

    staff = User.objects.filter(email="outreach@demo.example").first()
    if staff is None:
        return
    for title, plan in LOOP.items():
        engagement = Engagement.objects.filter(title_en=title).first()
        if engagement is None or engagement.inputs.exists():
            continue
        inputs = []
        for text, language, email in plan["inputs"]:
            author = User.objects.filter(email=email).first() if email else None
            item = input_create(
                engagement=engagement,
                text=text,
                language=language,
                author=author,
                source="meeting_note",
                entered_by=staff,
            )
            inputs.append(item)
        actions = []
        for index, status, action_title, reason, referred_to, due_in in plan["actions"]:
            due_on = timezone.localdate() + timedelta(days=due_in) if due_in is not None else None
            actions.append(
                action_create(
                    engagement=engagement,
                    inputs=[inputs[index]],
                    values={
                        "title_en": action_title,
                        "status": status,
                        "reason_en": reason,
                        "referred_to": referred_to,
                        "owner": staff,
                        "due_on": due_on,
                        "done_on": timezone.localdate() - timedelta(days=5)
                        if status in ("adopted", "already_in_place") and (due_in or 0) > 0
                        else None,
                    },
                    created_by=staff,
                )
            )
        if "report_back" in plan:
            texts = plan["report_back"]
            report = report_back_save(
                engagement=engagement,
                values={**_translated("heard", texts["heard"]), **_translated("did", texts["did"])},
                actions=actions,
                saved_by=staff,
            )
            report_back_publish(report_back=report, published_by=staff)
        # Date the demo like real life: comments at the meeting, the report-back weeks later.
        if engagement.starts_at:
            engagement.inputs.update(received_at=engagement.starts_at)
            engagement.report_backs.update(published_at=engagement.starts_at + timedelta(days=45))

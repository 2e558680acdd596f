"""Name material for the entity-resolution benchmark, written for it.

Syllable and word lists only: every full name the generator builds is a random combination of
these parts, so no record names a real person or company. Each Chinese syllable carries its
pinyin, Wade-Giles and Cantonese spellings and a character; Thai parts carry an RTGS spelling
and Thai script; Vietnamese parts carry their diacritics. The generator (make_records.py)
turns these into the spelling variants investigators meet.
"""

# Chinese surnames: (pinyin, Wade-Giles, Cantonese (Hong Kong style), character).
# The list is skewed on purpose (weights): common surnames make hard negatives.
CHINESE_SURNAMES = [
    ("Wang", "Wang", "Wong", "王", 10), ("Li", "Li", "Lee", "李", 10), ("Zhang", "Chang", "Cheung", "张", 9),
    ("Liu", "Liu", "Lau", "刘", 7), ("Chen", "Ch'en", "Chan", "陈", 7), ("Yang", "Yang", "Yeung", "杨", 4),
    ("Huang", "Huang", "Wong", "黄", 4), ("Zhao", "Chao", "Chiu", "赵", 4), ("Wu", "Wu", "Ng", "吴", 3),
    ("Zhou", "Chou", "Chow", "周", 3), ("Xu", "Hsu", "Hui", "徐", 3), ("Sun", "Sun", "Suen", "孙", 2),
    ("Ma", "Ma", "Ma", "马", 2), ("Zhu", "Chu", "Chu", "朱", 2), ("Hu", "Hu", "Wu", "胡", 2),
    ("Guo", "Kuo", "Kwok", "郭", 2), ("He", "Ho", "Ho", "何", 2), ("Lin", "Lin", "Lam", "林", 2),
    ("Luo", "Lo", "Law", "罗", 2), ("Zheng", "Cheng", "Cheng", "郑", 2), ("Liang", "Liang", "Leung", "梁", 2),
    ("Xie", "Hsieh", "Tse", "谢", 1), ("Song", "Sung", "Sung", "宋", 1), ("Tang", "T'ang", "Tong", "唐", 1),
    ("Deng", "Teng", "Tang", "邓", 1), ("Feng", "Feng", "Fung", "冯", 1), ("Cai", "Ts'ai", "Choi", "蔡", 1),
    ("Ye", "Yeh", "Yip", "叶", 1), ("She", "She", "Se", "佘", 1), ("Bai", "Pai", "Pak", "白", 1),
]

# Syllables of Chinese given names: (pinyin, Wade-Giles, Cantonese, character).
CHINESE_GIVEN = [
    ("wei", "wei", "wai", "伟"), ("jun", "chün", "kwan", "军"), ("ming", "ming", "ming", "明"),
    ("hua", "hua", "wah", "华"), ("jian", "chien", "kin", "建"), ("guo", "kuo", "kwok", "国"),
    ("li", "li", "lai", "丽"), ("fang", "fang", "fong", "芳"), ("xiao", "hsiao", "siu", "小"),
    ("hong", "hung", "hung", "红"), ("qiang", "ch'iang", "keung", "强"), ("yong", "yung", "wing", "勇"),
    ("jie", "chieh", "kit", "杰"), ("tao", "t'ao", "to", "涛"), ("hai", "hai", "hoi", "海"),
    ("bin", "pin", "ban", "斌"), ("xin", "hsin", "yan", "欣"), ("long", "lung", "lung", "龙"),
    ("zhi", "chih", "chi", "志"), ("qing", "ch'ing", "ching", "清"), ("dong", "tung", "tung", "东"),
    ("ping", "p'ing", "ping", "平"), ("feng", "feng", "fung", "峰"), ("yan", "yen", "yin", "燕"),
    ("jing", "ching", "ching", "静"), ("lei", "lei", "lui", "磊"), ("chao", "ch'ao", "chiu", "超"),
    ("peng", "p'eng", "pang", "鹏"), ("hui", "hui", "wai", "慧"), ("kai", "k'ai", "hoi", "凯"),
    ("zhen", "chen", "chun", "振"), ("xue", "hsüeh", "suet", "雪"),
]

# English given names Chinese speakers use in business; aliases, not variants of the name.
ENGLISH_NICKNAMES = ["Tony", "Kevin", "Jacky", "Eric", "Vincent", "Alex", "Jason", "Coco", "Lily",
                     "Amy", "Sunny", "Jenny", "Leo", "Ben", "Andy", "Kelvin", "Mandy", "Ivy"]

# Thai given names: (RTGS, Thai script). Common given names; full names are random pairings
# with invented surnames.
THAI_GIVEN = [
    ("Somchai", "สมชาย"), ("Somsak", "สมศักดิ์"), ("Sompong", "สมพงษ์"), ("Prasoet", "ประเสริฐ"),
    ("Wichai", "วิชัย"), ("Anan", "อนันต์"), ("Thanawat", "ธนวัฒน์"), ("Chaiwat", "ชัยวัฒน์"),
    ("Kittisak", "กิตติศักดิ์"), ("Suphachai", "ศุภชัย"), ("Phongsak", "พงศ์ศักดิ์"), ("Nattaphong", "ณัฐพงศ์"),
    ("Mali", "มาลี"), ("Sunisa", "สุนิสา"), ("Siriphon", "ศิริพร"), ("Wanida", "วนิดา"),
    ("Pranee", "ปราณี"), ("Kanya", "กัญญา"), ("Rattana", "รัตนา"), ("Chanida", "ชนิดา"),
    ("Thongchai", "ธงชัย"), ("Phichit", "พิชิต"), ("Boonmee", "บุญมี"), ("Udom", "อุดม"),
]

# Parts of invented Thai surnames, joined two or three at a time: (RTGS, Thai script).
THAI_SURNAME_PARTS = [
    ("Saeng", "แสง"), ("Thong", "ทอง"), ("Suk", "สุข"), ("Charoen", "เจริญ"), ("Wong", "วงศ์"),
    ("Siri", "ศิริ"), ("Rat", "รัตน์"), ("Phon", "พร"), ("Chai", "ชัย"), ("Si", "ศรี"),
    ("Kaeo", "แก้ว"), ("Bun", "บุญ"), ("Phithak", "พิทักษ์"), ("Sakun", "สกุล"), ("Khiao", "เขียว"),
    ("Manee", "มณี"), ("Phet", "เพชร"), ("Rueang", "เรือง"), ("Chan", "จันทร์"), ("Thip", "ทิพย์"),
]

# Thai nicknames (chue len), used as aliases.
THAI_NICKNAMES = ["Lek", "Noi", "Nok", "Ton", "Bee", "Golf", "Pla", "Nui", "Jum", "Aof", "Mod", "Boy", "Tik", "Pom"]

# Ad-hoc romanisation rules seen next to RTGS: (pattern, replacement). Applied one or two at a
# time to an RTGS spelling.
THAI_SPELLING_RULES = [
    ("ph", "p"), ("th", "t"), ("kh", "k"), ("chai", "chay"), ("ai", "ay"), ("oe", "er"),
    ("ue", "eu"), ("ee", "i"), ("i", "ee"), ("u", "oo"), ("o", "oh"), ("ch", "j"),
    ("aeo", "aew"), ("on", "orn"), ("at", "ath"), ("s", "ss"),
]

# Burmese name syllables (no family names); several carry a second common spelling.
BURMESE_SYLLABLES = [
    ("Aung", None), ("Kyaw", "Kyaww"), ("Min", None), ("Htet", "Htett"), ("Thant", "Than"), ("Zaw", "Zaww"),
    ("Win", "Winn"), ("Myint", "Myintt"), ("Hla", None), ("Tun", "Htun"), ("Naing", "Nai"), ("Soe", "Soo"),
    ("Thura", "Thu Ra"), ("Ye", "Yay"), ("Lin", "Linn"), ("Nyein", "Nyain"), ("Thiri", "Thi Ri"),
    ("Khin", None), ("Su", "Suu"), ("Mya", None), ("Nandar", "Nan Dar"), ("Aye", "Aye"), ("Moe", "Mo"),
    ("Phyo", "Pyo"), ("Wai", "Wae"), ("Yadanar", "Ya Da Nar"), ("Oo", "U"), ("Thein", "Thane"),
    ("Myo", None), ("Zin", "Zinn"), ("Mar", "Marr"), ("Htay", "Htae"),
]
BURMESE_HONORIFICS_MALE = ["U", "Ko", "Maung", "Mg"]
BURMESE_HONORIFICS_FEMALE = ["Daw", "Ma"]

# Vietnamese names with diacritics: family, middle and given parts.
VIET_FAMILY = ["Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan",
               "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"]
VIET_MIDDLE = ["Văn", "Văn", "Thị", "Thị", "Đức", "Minh", "Quốc", "Ngọc", "Thanh", "Hữu", "Xuân"]
VIET_GIVEN = ["Anh", "Hùng", "Dũng", "Tuấn", "Hương", "Lan", "Linh", "Nam", "Phương", "Thảo",
              "Trang", "Long", "Hải", "Sơn", "Thủy", "Hòa", "Khánh", "Quang", "Tâm", "Bảo"]

# Khmer names (romanised only), with alternative spellings.
KHMER_PARTS = [("Sok", "Sokh"), ("Chan", "Chann"), ("Dara", "Darah"), ("Vannak", "Vanak"),
               ("Sophea", "Sopheap"), ("Srey", "Srei"), ("Pov", "Pove"), ("Kosal", "Kosol"),
               ("Chhay", "Chay"), ("Rithy", "Rithi"), ("Veasna", "Veasnar"), ("Heng", "Hing"),
               ("Seng", "Sing"), ("Phally", "Phaly"), ("Bopha", "Bupha"), ("Sovann", "Sovan")]

# Company name parts: Chinese-style trade names (pinyin, characters) and English words.
COMPANY_TRADE = [("Jinwang", "金旺"), ("Huaxin", "华鑫"), ("Tianhe", "天和"), ("Longcheng", "龙城"),
                 ("Kaiyuan", "开元"), ("Hengfa", "恒发"), ("Xinyi", "信义"), ("Fuxing", "福星"),
                 ("Yatai", "亚太"), ("Dongfang", "东方"), ("Baoli", "宝利"), ("Hongli", "宏利"),
                 ("Jinsha", "金沙"), ("Wanjia", "万佳"), ("Shengda", "盛达"), ("Ruifeng", "瑞丰"),
                 ("Haoyun", "好运"), ("Longfa", "龙发"), ("Dingsheng", "鼎盛"), ("Xingguang", "星光")]
COMPANY_ENGLISH = ["Golden", "Lucky", "Asia Star", "Mekong", "Royal", "Dragon", "Phoenix", "Sunrise",
                   "Diamond", "Grand", "Pacific", "Silver", "Crown", "Oriental", "Jade", "Victory",
                   "Fortune", "Heaven", "Blue Ocean", "Emerald", "New World", "Prosper"]
COMPANY_TYPES = [("Technology", "科技"), ("Trading", "贸易"), ("Investment", "投资"),
                 ("Entertainment", "娱乐"), ("Development", "发展"), ("Property", "置业"),
                 ("Logistics", "物流"), ("Network", "网络"), ("Hotel", "酒店"), ("Resort", "度假村")]
LEGAL_FORMS = ["Co., Ltd.", "Company Limited", "Co Ltd", "Co. Ltd", "Limited", "Co., Ltd", "CO.,LTD"]

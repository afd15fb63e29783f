"""Word lists the synthetic readouts are built from: countries, places, formats, topics, names."""
from __future__ import annotations

# (country, demonym, head-of-government role)
COUNTRIES = (
    ("United Kingdom", "British", "Prime Minister"), ("France", "French", "President"),
    ("Germany", "German", "Chancellor"), ("Poland", "Polish", "Prime Minister"),
    ("Italy", "Italian", "Prime Minister"), ("Canada", "Canadian", "Prime Minister"),
    ("Japan", "Japanese", "Prime Minister"), ("Spain", "Spanish", "Prime Minister"),
    ("Netherlands", "Dutch", "Prime Minister"), ("Denmark", "Danish", "Prime Minister"),
    ("Norway", "Norwegian", "Prime Minister"), ("Sweden", "Swedish", "Prime Minister"),
    ("Finland", "Finnish", "President"), ("Estonia", "Estonian", "Prime Minister"),
    ("Latvia", "Latvian", "President"), ("Lithuania", "Lithuanian", "President"),
    ("Romania", "Romanian", "President"), ("Czech Republic", "Czech", "Prime Minister"),
    ("Belgium", "Belgian", "Prime Minister"), ("Portugal", "Portuguese", "Prime Minister"),
    ("Ireland", "Irish", "Taoiseach"), ("Austria", "Austrian", "Chancellor"),
    ("Greece", "Greek", "Prime Minister"), ("Turkey", "Turkish", "Foreign Minister"),
    ("Australia", "Australian", "Prime Minister"), ("New Zealand", "New Zealand", "Prime Minister"),
    ("United States", "American", "Secretary of State"), ("Croatia", "Croatian", "Prime Minister"),
    ("Slovenia", "Slovenian", "Prime Minister"), ("Bulgaria", "Bulgarian", "President"),
    ("Iceland", "Icelandic", "Prime Minister"), ("Luxembourg", "Luxembourg", "Prime Minister"),
    ("Ukraine", "Ukrainian", "President"),
)

# Countries no synthetic document ever mentions: the "nothing found" questions ask about them.
ABSENT_COUNTRIES = ("Brazil", "Mexico", "India", "Argentina", "Indonesia", "Nigeria", "Chile", "Venezuela")
ABSENT_PEOPLE = ("Xi Jinping", "Lula da Silva", "Narendra Modi", "Javier Milei", "Pope Leo",
                 "Claudia Sheinbaum", "Prabowo Subianto", "Gabriel Boric")

OTHER_ROLES = ("Foreign Minister", "Defence Minister", "Finance Minister", "Deputy Prime Minister",
               "National Security Adviser", "Chief of the Defence Staff", "Ambassador")

CITIES = ("Paris", "London", "Kyiv", "Berlin", "Warsaw", "Rome", "Brussels", "Ramstein", "Vilnius",
          "Helsinki", "Oslo", "Copenhagen", "Stockholm", "Madrid", "Lisbon", "Prague", "Tallinn",
          "Riga", "Bucharest", "The Hague", "Geneva", "Vienna", "Dublin", "Reykjavik", "Ottawa",
          "Tokyo", "Washington", "Lviv", "Odesa", "Zagreb", "Sofia", "Athens", "Ljubljana",
          "Luxembourg", "Munich", "Davos", "Kananaskis", "Istanbul", "Jeddah", "Bratislava")

FORMATS = ("Coalition of the Willing", "Ukraine Defense Contact Group", "Weimar Triangle",
           "G7 foreign ministers", "Nordic-Baltic Eight", "NATO-Ukraine Council",
           "Ukraine Recovery Conference", "European Political Community", "Crimea Platform",
           "Bucharest Nine", "Joint Expeditionary Force", "EU Foreign Affairs Council",
           "drone coalition", "energy ministers' group", "demining coalition")

TOPICS = ("air defence", "security guarantees", "frozen Russian assets", "energy infrastructure",
          "demining", "drone production", "ceasefire monitoring", "reconstruction", "sanctions",
          "grain exports", "prisoner exchanges", "the shadow fleet", "artillery ammunition",
          "long-range missiles", "EU accession", "winter heating", "cyber defence",
          "a multinational force", "maritime security", "war crimes accountability",
          "deported children", "the Black Sea corridor", "critical minerals", "fighter jets",
          "training brigades", "medical evacuation", "railway repairs", "nuclear safety",
          "a peace summit", "budget support", "electronic warfare", "coastal defence",
          "mine clearance vessels", "humanitarian corridors", "defence industry investment",
          "border crossings", "satellite communications", "armoured vehicles",
          "air policing", "refugee housing")

# What the commitments deliver
AID = ("air defence systems", "artillery shells", "drones", "armoured vehicles", "generators",
       "demining machines", "ambulances", "fighter jets", "interceptor missiles", "mobile hospitals")

AGREEMENTS = ("bilateral security agreement", "memorandum on drone co-production",
              "declaration of intent on a multinational force", "agreement on energy cooperation",
              "memorandum on demining", "roadmap on air defence", "joint declaration on reconstruction",
              "agreement on defence industrial cooperation", "memorandum on critical minerals",
              "partnership agreement on cyber security", "letter of intent on ammunition",
              "declaration on maritime security")

PUBLISHERS = ("Ministry of Foreign Affairs", "Office of the President", "Reuters", "Associated Press",
              "Kyiv Independent", "Ukrainska Pravda", "Euronews", "Government press service",
              "NATO press office", "European Council press office")

FIRST_NAMES = ("Oleksandr", "Andrii", "Mykola", "Iryna", "Olena", "Dmytro", "Serhii", "Yuliia",
               "Taras", "Kateryna", "Anna", "Jonas", "Kaja", "Mark", "Emma", "Lars", "Mette",
               "Pedro", "Marta", "Giorgia", "Friedrich", "Keir", "David", "Antonio", "Ursula",
               "Petr", "Karin", "Ulf", "Alar", "Edgars", "Gitanas", "Klaus", "Sanna", "Ingrid",
               "Bart", "Luis", "Helena", "Miroslav", "Zoran", "Nikos", "Mihai", "Simon", "Jens",
               "Hanna", "Pavlo", "Maria", "Rumen", "Tomas", "Elina", "Jakub", "Agnieszka", "Henrik")

# Surname parts; the endings are chosen so that transliteration variants exist.
SURNAME_HEADS = ("Kor", "Bil", "Dan", "Hor", "Lys", "Mak", "Pet", "Sav", "Tym", "Vol", "Zar",
                 "Kras", "Khar", "Shev", "Ost", "Lev", "Mel", "Nov", "Ryb", "Step", "Hav", "Brun",
                 "Kal", "Lin", "Ves", "Tor", "Grim", "Jans", "Mor", "Sel", "Vask", "Dor")
SURNAME_MIDS = ("", "a", "e", "o", "i", "an", "el", "or", "un", "ov", "en", "ar")
SURNAME_TAILS = ("enko", "chuk", "skyi", "ovych", "iak", "ets", "sen", "berg", "ström", "escu",
                 "ić", "ov", "ová", "aitis", "inen", "mann", "ez", "ski", "elli", "ides")

# Transliteration variants: (pattern, replacement) applied to a surname's ending or body.
SPELLING_RULES = (("skyi", "sky"), ("skyi", "skyy"), ("skyi", "skiy"), ("enko", "enco"),
                  ("chuk", "tchuk"), ("ovych", "ovich"), ("iak", "yak"), ("ström", "strom"),
                  ("ić", "ic"), ("ová", "ova"), ("kh", "h"), ("Kh", "H"), ("y", "i"), ("ets", "etz"))

BACKGROUND = (
    "The talks came as Russian strikes on energy facilities continued across several regions.",
    "Officials said the meeting focused on practical steps rather than new declarations.",
    "Diplomats described the atmosphere as constructive but noted that several questions remained open.",
    "The next round of consultations is expected to take place within weeks.",
    "Ukraine has repeatedly asked its partners to speed up deliveries promised earlier in the year.",
    "Several delegations joined the session remotely because of scheduling conflicts.",
    "The participants reviewed the implementation of decisions taken at previous meetings.",
    "A joint communiqué was circulated to the press after the closed session ended.",
    "Analysts said the outcome would depend on how quickly the pledges turn into deliveries.",
    "The host government thanked the delegations for their continued commitment.",
    "Questions about financing the next stage of support dominated the afternoon session.",
    "Representatives of international organisations briefed the participants on the humanitarian situation.",
)

# Ukrainian names of the countries above, (nominative, genitive), for questions asked in Ukrainian.
UK_COUNTRIES = {
    "United Kingdom": ("Британія", "Британії"), "France": ("Франція", "Франції"),
    "Germany": ("Німеччина", "Німеччини"), "Poland": ("Польща", "Польщі"),
    "Italy": ("Італія", "Італії"), "Canada": ("Канада", "Канади"), "Japan": ("Японія", "Японії"),
    "Spain": ("Іспанія", "Іспанії"), "Netherlands": ("Нідерланди", "Нідерландів"),
    "Denmark": ("Данія", "Данії"), "Norway": ("Норвегія", "Норвегії"),
    "Sweden": ("Швеція", "Швеції"), "Finland": ("Фінляндія", "Фінляндії"),
    "Estonia": ("Естонія", "Естонії"), "Latvia": ("Латвія", "Латвії"),
    "Lithuania": ("Литва", "Литви"), "Romania": ("Румунія", "Румунії"),
    "Czech Republic": ("Чехія", "Чехії"), "Belgium": ("Бельгія", "Бельгії"),
    "Portugal": ("Португалія", "Португалії"), "Ireland": ("Ірландія", "Ірландії"),
    "Austria": ("Австрія", "Австрії"), "Greece": ("Греція", "Греції"),
    "Turkey": ("Туреччина", "Туреччини"), "Australia": ("Австралія", "Австралії"),
    "New Zealand": ("Нова Зеландія", "Нової Зеландії"), "United States": ("США", "США"),
    "Croatia": ("Хорватія", "Хорватії"), "Slovenia": ("Словенія", "Словенії"),
    "Bulgaria": ("Болгарія", "Болгарії"), "Iceland": ("Ісландія", "Ісландії"),
    "Luxembourg": ("Люксембург", "Люксембургу"), "Ukraine": ("Україна", "України"),
}

# Topics above as a Ukrainian user would name them after "про" (only those with a usual short form).
UK_TOPICS = {"air defence": "ППО", "sanctions": "санкції", "security guarantees": "гарантії безпеки",
             "the shadow fleet": "тіньовий флот", "reconstruction": "відбудову",
             "drone production": "виробництво дронів", "EU accession": "вступ до ЄС",
             "nuclear safety": "ядерну безпеку", "fighter jets": "винищувачі"}

# Month names after "у" ("у травні 2024"), January first.
UK_MONTHS_IN = ("січні", "лютому", "березні", "квітні", "травні", "червні", "липні", "серпні",
                "вересні", "жовтні", "листопаді", "грудні")

# How users shorten offices when they type.
ROLE_SHORT = {"Prime Minister": "pm", "Foreign Minister": "foreign minister",
              "Defence Minister": "defence minister", "Finance Minister": "finance minister",
              "Secretary of State": "secretary of state", "National Security Adviser": "nsa",
              "Chief of the Defence Staff": "defence chief", "Deputy Prime Minister": "deputy pm"}

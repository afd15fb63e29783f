"""Common words that must never be taken for a name, by exact or fuzzy matching.

A single-word alias whose key is listed here matches only when written with a capital
("Støre" folds to "store", "Polish" to "polish"); words listed here are never fuzzy-matched.
"""
from __future__ import annotations

from bot.entities.text import key

_ENGLISH = """
a about above after again against all also am an and any are as at be because been before
being below between both but by can could did do does doing down during each few for from
further had has have having he her here hers him his how i if in into is it its just me more
most my no nor not now of off on once only or other our out over own same she should so some
such than that the their them then there these they this those through to too under until up
very was we were what when where which while who whom why will with would you your us new
said say says saying told tell asked ask meeting meetings summit summits talks talk pledge
pledged pledges commit committed commitment commitments agreed agree agreement deal deals
sign signed signing visit visited visiting met meet leader leaders minister ministers
president prime chancellor secretary general foreign defence defense affairs state states
united kingdom republic federal council union european nations group coalition willing
support supported supporting help aid military security peace ceasefire war troops force
forces package packages million billion euro euros dollar dollars pound pounds weapons air
defense missile missiles drone drones first second third last next year years month months
week weeks day days today yesterday tomorrow monday tuesday wednesday thursday friday
saturday sunday january february march april may june july august september october november
december what which whom whose show list tell give find who's whats store market school
polish chad jordan grant mark rose march will may bill john rich hope
home house white office side sides people country countries world global joint statement
statements declaration declarations press conference call calls phone video online person
party parties member members head heads chief envoy envoys special ambassador general
staff army navy costa brand price long young king queen crown prince north south east west
central great little city town capital also well much many every other another such
iris patriot patriots himars atacms taurus leopard leopards abrams bradley gepard nasams
mirage gripen storm shadow tomahawk tomahawks javelin stinger typhoon eurofighter
brink cleverly borne truss wiles braze sudden benign reunion parish trumps blinked stub
jolly chin waltzing
""".split()

_UKRAINIAN = """
і й та але або що як це цей ця ці той та те ті того тому тим якщо коли де хто який яка яке які
про для від до на за під над при через після перед між без з із зі у в во не ні так також
вже ще лише тільки було були був була буде будуть є бути мали мала малі мало малий можна
сказав сказала заявив заявила зустріч зустрічі саміт саміту країна країни країн лідер лідери
президент прем'єр міністр канцлер генсек
""".split()

COMMON_WORDS: frozenset[str] = frozenset(key(w) for w in _ENGLISH + _UKRAINIAN)

# Phrases that contain a name but name something else: they hide the name inside them
# ("Latin America" is not the United States, "New Mexico" is not Mexico).
NOT_NAMES: tuple[str, ...] = (
    "Latin America", "South America", "North America", "Central America", "New Mexico",
    "New Jersey", "New South Wales", "New England", "Little Britain", "Georgia state",
    "Washington state", "Washington State", "Jordan river", "Jordan River", "Turkey shoot",
    "Polish zloty", "Korean War", "Chinese New Year", "Dutch auction", "French fries",
    "Latin American", "South American", "North American", "Central American",
)

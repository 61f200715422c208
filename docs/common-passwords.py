#!/usr/bin/env python3
"""Composes src/main/resources/accounts/common-passwords.txt: passwords of 10 to 64 characters (12 is the shortest allowed, but spaces do not count)
that people commonly choose, lower-case. No leaked list was used (none could be downloaded):
the entries are made from the patterns such lists are known to be full of: common words
(English and Dutch, hospital words among them) with digits, years and symbols appended,
words repeated, keyboard walks, digit runs and simple substitutions.
Run: python3 docs/common-passwords.py > src/main/resources/accounts/common-passwords.txt"""

words = """password passw0rd p@ssword p@ssw0rd wachtwoord wachtw00rd welkom welcome welkom01 qwerty azerty
qwertz letmein iloveyou ikhouvanjou admin administrator beheer beheerder monkey dragon football
voetbal soccer sunshine princess prinses master shadow superman batman trustno1 baseball computer
internet michael jennifer jordan hunter ranger buster soccer killer hockey george charlie andrew
summer winter zomer winter lente herfst ajax feyenoord psv twente utrecht amsterdam rotterdam
denhaag eindhoven groningen nederland holland oranje ziekenhuis hospital medisch patient
patienten dokter zuster verpleging verpleegkundige balie gebruiker geheim secret changeme wijzigen
veranderen starten begin beginnen test testen tester testing default login inloggen hallo hello
goedemorgen asdfgh zxcvbn abcdef abcdefgh freedom whatever qazwsx trustme mustang access flower
bloem liefde love lovely loveyou schatje schat lieverd konijn hond kat poes paard vogel
tijger leeuw beer snoopy pokemon minecraft fortnite starwars matrix samsung iphone apple google
microsoft windows linux facebook instagram youtube netflix spotify chocolate chocolade banaan
appel koffie thee pizza bier heineken amstel kerst christmas pasen vakantie holiday familie
family kinderen children mama papa oma opa jezus jesus god heaven hemel angel engel
january february march april may june july august september october november december januari
februari maart mei juni juli augustus oktober maandag dinsdag woensdag donderdag vrijdag zaterdag
zondag monday friday sunday
jan piet kees henk daan sanne lisa emma sophie julia anna lotte fleur noah sem lucas levi
thomas ruben bram tim lars max luuk milan jesse stijn niels kevin dennis mark peter johan
marco sander martijn jeroen bas erik wouter rick robin maria linda monique sandra petra
annemarie marieke ingrid wendy ilse anouk femke esther"""

words = sorted(set(words.split()))

suffixes = ["", "1", "12", "123", "1234", "12345", "123456", "1234567", "12345678", "!", "1!", "123!",
            "01", "007", "69", "00", "11", "22", "99", "!!", "?", "#1", "@1", "1234!", "2", "3", "4", "5",
            "7", "8", "9", "10", "13", "21", "88", "321", "4321", "54321"]
years = [str(y) for y in range(1940, 2031)]
suffixes += years + [y + "!" for y in years] + ["@" + y for y in years]

walks = """qwertyuiop qwertyuiopasdfghjkl asdfghjkl zxcvbnm 1qaz2wsx 1qaz2wsx3edc 1qaz2wsx3edc4rfv
1q2w3e4r 1q2w3e4r5t 1q2w3e4r5t6y 1q2w3e4r5t6y7u q1w2e3r4t5y6 qazwsxedc qazwsxedcrfv qweasdzxc
zaq12wsx zaq1zaq1zaq1 !qaz@wsx #edc qwerty123456 azertyuiop azertyuiopqsdfghjklm qwertzuiop
asdfasdfasdf qwerqwerqwer zxczxczxczxc poiuytrewq lkjhgfdsa mnbvcxz 147258369 159753 123qwe
qweasd 1234qwer qwer1234 asdf1234 zxcv1234 abcd1234 abc123 aaaaaa 1a2b3c4d5e6f a1b2c3d4e5f6
""".split()

out = set()

def add(candidate):
    candidate = candidate.lower()
    if 10 <= len(candidate) <= 64:
        out.add(candidate)

digits = "01234567890123456789"
for length in range(12, 21):
    for start in range(10):
        add(digits[start:start + length])
        add(digits[::-1][start:start + length])
    for d in "0123456789":
        add(d * length)
for chunk in ["12", "123", "1234", "12345", "123456", "121", "1212", "0101", "1122", "112233", "abc",
              "abcd", "ab", "xo", "ha", "la", "nee", "ja", "no", "yes", "qwe", "asd", "zxc", "69", "007"]:
    add((chunk * 64)[:12])
    add(chunk * (12 // len(chunk) + (0 if 12 % len(chunk) == 0 else 1)))
add("123456789012")
add("1234567890-=")
add("098765432112")

for walk in walks:
    add(walk)
    for suffix in ["", "1", "12", "123", "!", "1234", "2024", "2025", "2026"]:
        add(walk + suffix)
    add(walk * 2)

for word in words:
    add(word * 2)
    add(word * 3)
    add(word + word[::-1])
    for suffix in suffixes:
        add(word + suffix)
    for prefix in ["1", "123", "1234", "12345", "123456", "!", "2024", "2025", "2026"]:
        add(prefix + word)
    for other in ["123", "1234", "welkom", "password", "wachtwoord", "admin", "test", "love", "qwerty"]:
        add(word + other)
        add(other + word)
        add(word + other + "1")

for phrase in """ikhouvanjou ikhouvanjoulief iloveyoutoo iloveyouforever ikhouvanmijnkinderen
welkombijons welkomthuis welcomehome welcometothejungle letmeinplease letmeinnow opensesame
dezeisgeheim ditismijnwachtwoord ditiseenwachtwoord thisismypassword mijnwachtwoord mypassword
secretpassword superpassword supersecret supergeheim nieuwwachtwoord newpassword
passwordnieuw changemenow verandermij wachtwoordwijzigen correcthorsebatterystaple
thequickbrownfox dewaterlandsezee wiehetkleinenieteert watjijniewiltdatjoumengeschiet
onzevaderdieinde heleheleheleleuk""".split():
    add(phrase)
    for suffix in ["", "1", "12", "123", "1234", "!", "2024", "2025", "2026"]:
        add(phrase + suffix)

print("# Passwords that people commonly choose, 10 to 64 characters, lower-case, without spaces: composed by")
print("# docs/common-passwords.py from common words, names, years, keyboard walks and repetitions;")
print("# not taken from a leaked list. The portal refuses these as a new password (ASVS 5.0 6.2.4).")
for entry in sorted(out):
    print(entry)

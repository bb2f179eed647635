"""One-sentence reports for each reading rule of the extraction: who supplies whom, at
what stage, according to whom. Texts are written for these tests."""

from __future__ import annotations

import pytest

from armswatch.model import Document

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def extractor(shared_extractor):
    return shared_extractor


def read(extractor, text: str, published: str = "2024-03-15") -> set[tuple]:
    """(supplier state, recipient state, status) for every transfer, plus claims."""
    extraction = extractor.extract_one(Document(id="t", text=text, published=published))
    actors = {a.id: a for a in extraction.actors}

    def state(actor_id):
        actor = actors.get(actor_id)
        if actor is None or actor.type == "state":
            return actor_id
        return actor.country or actor_id

    out = set()
    for transfer in extraction.transfers:
        out.add((state(transfer.supplier), state(transfer.recipient), transfer.status))
        for claim in transfer.claims:
            source = "author" if claim.source == "author" else state(claim.source)
            out.add((source, claim.stance, state(transfer.supplier), state(transfer.recipient)))
    return out


@pytest.mark.parametrize("text, expected", [
    ("Iran has supplied Russia with hundreds of Shahed drones, Ukrainian officials said.",
     {("IRN", "RUS", "delivered"), ("UKR", "asserts", "IRN", "RUS")}),
    ("The howitzers were delivered to Ukraine by Germany last month.",
     {("DEU", "UKR", "delivered")}),
    ("The delivery of Iranian drones to Russia has alarmed Kyiv.",
     {("IRN", "RUS", "delivered")}),
    ("Pyongyang shipped artillery shells to Moscow, the White House said.",
     {("PRK", "RUS", "delivered"), ("USA", "asserts", "PRK", "RUS")}),
    ("Russia is seeking to buy ballistic missiles from Iran, according to U.S. officials.",
     {("IRN", "RUS", "negotiating"), ("USA", "asserts", "IRN", "RUS")}),
    ("China could route weapons to Russia through North Korea, analysts warned.",
     {("CHN", "RUS", "possible")}),
    ("Germany agreed to send two more Patriot batteries to Ukraine.",
     {("DEU", "UKR", "agreed")}),
    ("The United States paused a shipment of 2,000-pound bombs to Israel.",
     {("USA", "ISR", "cancelled")}),
    ("U.S. Navy sailors seized Iranian-made missile parts headed for the Houthis.",
     {("IRN", "YEM", "cancelled")}),
    ("The navy said the seized Iranian rifles were bound for the Houthis.",
     {("IRN", "YEM", "cancelled")}),
    ("Norway has already sent Ukraine NASAMS launchers and M109 howitzers.",
     {("NOR", "UKR", "delivered")}),
    ("Spare parts ran short after Ottawa restricted arms exports to Turkey.",
     {("CAN", "TUR", "cancelled")}),
    ("The Swedish CV90 has been ordered by the Czech army and by Slovakia.",
     {("SWE", "CZE", "agreed"), ("SWE", "SVK", "agreed")}),
    ("Iran sent drones to the Houthis. Tehran rejected accusations that it is behind Houthi "
     "attacks on shipping.",
     {("IRN", "YEM", "delivered"), ("IRN", "denies", "IRN", "YEM")}),
    ("Turkey's army still operates U.S.-built M60 tanks.", {("USA", "TUR", "delivered")}),
    ("The Chinese-built frigates are now in Pakistani service.", {("CHN", "PAK", "delivered")}),
    ("Norway has also bought from South Korea, which has delivered K9 howitzers since 2019 and "
     "is negotiating a second large tank contract with Oslo.",
     {("KOR", "NOR", "delivered"), ("KOR", "NOR", "negotiating")}),
    ("Twenty of the aircraft were ordered by the US Air Force for the Afghan air force.",
     {("USA", "AFG", "agreed")}),
    ("Washington removed Turkey from the F-35 programme in 2019.",
     {("USA", "TUR", "cancelled")}),
    ("Turkey was expelled from the F-35 programme after buying the S-400.",
     {("USA", "TUR", "cancelled")}),
    ("Britain would send a further 100 million pounds of military equipment to Ukraine, "
     "Johnson said.", {("GBR", "UKR", "agreed")}),
    ("If confirmed, it would be the first case of weapons being delivered from China to Russia, "
     "the newspaper said.", {("CHN", "RUS", "possible")}),
    ("Qatar, which became the TB2's first export customer in 2018, flies the drone.",
     {("TUR", "QAT", "delivered")}),
    ("Iran sent drones to Sudan, according to a UN report seen by AFP.",
     {("IRN", "SDN", "delivered"), ("un", "asserts", "IRN", "SDN")}),
    ("Iran sent drones to Sudan, according to documents seen by the Guardian.",
     {("IRN", "SDN", "delivered"), ("the-guardian", "asserts", "IRN", "SDN")}),
    ("Riyadh signed a $3 billion deal for South Korea's Cheongung-II air defence system.",
     {("KOR", "SAU", "agreed")}),
    ("Bern authorised the export of 12 Leopard 2 tanks to Berlin.",
     {("CHE", "DEU", "agreed")}),
    ("A court ordered the Dutch government to halt all exports of F-35 parts to Israel.",
     {("NLD", "ISR", "cancelled")}),
    ("Tehran has been pouring rockets into Gaza for a decade.",
     {("IRN", "PSE", "delivered")}),
    ("Abu Dhabi has backed the RSF with drones and armoured trucks.",
     {("ARE", "SDN", "delivered")}),
    ("Washington halted military aid to Islamabad in 2018, accusing it of sheltering militants.",
     {("USA", "PAK", "cancelled"), ("author", "asserts", "USA", "PAK")}),
    ("Prosecutors accused Iranian firms of selling drone engines to Russia.",
     {("IRN", "RUS", "delivered"), ("author", "asserts", "IRN", "RUS")}),
    ("Russia has launched ballistic missiles supplied by North Korea at Kharkiv.",
     {("PRK", "RUS", "delivered")}),
    ("Britain, Saudi Arabia's second-biggest arms supplier, has resisted calls to halt sales.",
     {("GBR", "SAU", "delivered")}),
    # a reporting clause the parser hangs under the clause it reports
    ("Ukraine asked Australia for its retired Taipan helicopters before the government "
     "decided to strip them for parts and bury what remained, Kyiv's ambassador has "
     "confirmed.",
     {("AUS", "UKR", "negotiating"), ("UKR", "asserts", "AUS", "UKR")}),
    # a pledge the outlet reports is the outlet's claim
    ("Belgium has pledged 30 F-16 jets to Ukraine.",
     {("BEL", "UKR", "agreed"), ("author", "asserts", "BEL", "UKR")}),
    # a relative pronoun whose antecedent the parser lost; "it" for the sentence's subject
    ("The European Union imposed sanctions on three Iranian officers and a drone maker that "
     "it said were involved in supplying Russia with the drones.",
     {("IRN", "RUS", "delivered"), ("european-union", "asserts", "IRN", "RUS")}),
    # the goods a relative clause describes
    ("Ukraine says it has shot down 220 of the Iranian-made drones, which Russian forces "
     "fly under the name Geran-2.",
     {("IRN", "RUS", "delivered"), ("UKR", "asserts", "IRN", "RUS")}),
    # a dateline's agency is no party; the subject hangs after it
    ("NEW DELHI (AP) - India and Russia sealed a deal on Friday for the S-400 air defence "
     "system.",
     {("RUS", "IND", "agreed")}),
    # an acronym defined after "The ..." at the start of a sentence
    ("The Nigerian Air Force (NAF) held a ceremony in Kainji. The NAF took delivery of three "
     "JF-17 fighters from Pakistan.",
     {("PAK", "NGA", "delivered")}),
    # "its air force": the owner a possessive pronoun stands for
    ("Kazakhstan remains dependent on Russia for its armed forces. Its air force operates "
     "Su-30SM fighters delivered by Russia since 2015.",
     {("RUS", "KAZ", "delivered")}),
    # a reporting participle speaks for the sentence's speaker; a means is no transfer
    ("John Kirby said the U.S. could not confirm the deployment, while reiterating that North "
     "Korean missiles were already being used by Russia.",
     {("PRK", "RUS", "delivered"), ("USA", "asserts", "PRK", "RUS")}),
    # "the government" for the state named just before it
    ("Singapore's foreign ministry said the government had not authorised any transfer of "
     "arms to Myanmar since 2021.",
     {("SGP", "denies", "SGP", "MMR")}),
    # coordinated verbs share their parties; another state's "Foreign Office"
    ("Pakistan's Foreign Office said Pakistan had not sold or supplied any shells to Ukraine.",
     {("PAK", "denies", "PAK", "UKR")}),
    # a clause of its own keeps its own stage
    ("Seoul has turned down Kyiv's requests for arms, although it has sold artillery shells "
     "to the United States.",
     {("KOR", "UKR", "cancelled"), ("KOR", "USA", "delivered")}),
    ("Bern refused to let Germany send Swiss-made ammunition for the Gepard guns that Berlin "
     "has given Ukraine.",
     {("DEU", "UKR", "delivered")}),
    # "the air forces of A, B and C": one recipient each
    ("JF-17s built in Pakistan are already in service with the air forces of Pakistan, "
     "Myanmar and Nigeria.",
     {("PAK", "MMR", "delivered"), ("PAK", "NGA", "delivered")}),
    # a condition reports nothing
    ("If confirmed, it would be the first case of weapons being delivered from China to "
     "Russia, Western officials said.",
     {("CHN", "RUS", "possible")}),
    # a maker's state that refuses a re-export is the supplier, the re-exporter the route
    ("The Federal Council in Bern applies the law strictly. On that basis the government has "
     "refused to let Germany send Swiss-made Gepard ammunition to Ukraine.",
     {("CHE", "UKR", "cancelled")}),
    # the one who answers a request is its addressee
    ("Israel has turned down Ukraine's formal request for air defence systems.",
     {("ISR", "UKR", "cancelled")}),
    ("South Africa refused to let South African-made ammunition be passed on to Kyiv.",
     {("ZAF", "UKR", "cancelled")}),
    ("Italy revoked export authorisations for missiles and bombs to Saudi Arabia.",
     {("ITA", "SAU", "cancelled")}),
    # an acronym the report defines; a region ("the South") losing to a name
    ("The deal was signed by the Philippine Air Force (PAF) in June. The PAF took delivery "
     "of its first FA-50 jets from South Korea in 2017.",
     {("KOR", "PHL", "delivered")}),
    ("The South African National Defence Force had ordered the rifles from a Russian "
     "supplier in 2018.",
     {("RUS", "ZAF", "agreed")}),
    # the goods of "took delivery" hang on "delivery"; the taker receives
    ("Vietnam took delivery of its first units from Russia last year.",
     {("RUS", "VNM", "delivered"), ("author", "asserts", "RUS", "VNM")}),
    # a participle set off by commas describes the goods, the clause's verb is no halt
    ("Egypt's Rafale jets, bought from France in 2015, intercepted a drone over Sinai.",
     {("FRA", "EGY", "delivered"), ("author", "asserts", "FRA", "EGY")}),
    # a relative clause without "that" keeps its subject
    ("Pilots are training for the 80 Rafale fighters the UAE ordered from France.",
     {("FRA", "ARE", "agreed"), ("author", "asserts", "FRA", "ARE")}),
    # the goods a relative clause describes, past the verb that reports it; each of the
    # coordinated speakers' states claims
    ("The North Korean missiles that American and Ukrainian officials say Russian forces "
     "have been firing are accurate.",
     {("PRK", "RUS", "delivered"), ("USA", "asserts", "PRK", "RUS"),
      ("UKR", "asserts", "PRK", "RUS")}),
    # a purchase under way is a deal; the clause on the first conjunct is its own
    ("Romania, which is buying more American Patriot launchers, and Bulgaria have raised "
     "defence spending.",
     {("USA", "ROU", "agreed"), ("author", "asserts", "USA", "ROU")}),
    # a description of the subject by a copula; the agent of the second conjunct
    ("Hezbollah's rockets are Iranian designs supplied or smuggled in by Tehran.",
     {("IRN", "LBN", "delivered"), ("author", "asserts", "IRN", "LBN")}),
    # holds and halts on approvals; approval given to a sale
    ("Washington placed a hold on a proposed sale of attack helicopters to Nigeria.",
     {("USA", "NGA", "cancelled"), ("author", "asserts", "USA", "NGA")}),
    ("Denmark halted all new arms export approvals to Saudi Arabia in 2018.",
     {("DNK", "SAU", "cancelled"), ("author", "asserts", "DNK", "SAU")}),
    ("Congress gave its approval to the sale of F-16 jets to Turkey.",
     {("USA", "TUR", "agreed"), ("author", "asserts", "USA", "TUR")}),
    # a halt someone says should happen has not; naming or condemning a transfer is no
    # part in it
    ("China's foreign ministry said the United States should stop arming Taiwan.",
     {("USA", "TWN", "delivered"), ("CHN", "asserts", "USA", "TWN")}),
    ("Russia fired missiles supplied by North Korea, the White House said, calling the "
     "transfer an escalation.",
     {("PRK", "RUS", "delivered"), ("USA", "asserts", "PRK", "RUS")}),
    # the owner of a request or offer is the subject of its clause; granted, it is agreed
    ("Washington approved requests by Estonia and Latvia to transfer Javelin missiles to "
     "Ukraine.",
     {("EST", "UKR", "agreed"), ("LVA", "UKR", "agreed"), ("author", "asserts", "EST", "UKR"),
      ("author", "asserts", "LVA", "UKR")}),
    ("Poland's offer to hand its MiG-29 jets to the United States was rejected.",
     {("POL", "USA", "cancelled"), ("author", "asserts", "POL", "USA")}),
    # a contract of one named party for goods of another's make or design
    ("Spain has cancelled a contract for Israeli-designed anti-tank missiles.",
     {("ISR", "ESP", "cancelled"), ("author", "asserts", "ISR", "ESP")}),
    # a participle's agent supplies; a definite "news agency" is the outlet named before,
    # also when the parser finds no main verb
    ("A spokesman said the Reuters report implied violations. The news agency, citing "
     "officials and customs data, reported that shells sold by Indian firms to Italy had "
     "been sent on to Kyiv.",
     {("IND", "ITA", "delivered"), ("reuters", "asserts", "IND", "ITA")}),
    # a person introduced beside the body they speak for speaks for it when named again
    ("The report was written by Tom Andrews, the U.N. special rapporteur on Myanmar. "
     "Andrews told reporters on Wednesday that Russia had supplied the Myanmar junta with "
     "fighter jets.",
     {("RUS", "MMR", "delivered"), ("un", "asserts", "RUS", "MMR")}),
    # an accusation both named states reject
    ("Ukraine says Iran has supplied Russia with drones, an accusation Tehran and Moscow "
     "reject.",
     {("IRN", "RUS", "delivered"), ("UKR", "asserts", "IRN", "RUS"),
      ("IRN", "denies", "IRN", "RUS"), ("RUS", "denies", "IRN", "RUS")}),
    # the subject of a copula acts in the infinitive on its complement, done not aimed at;
    # "its" in a passive subject is the owner named before
    ("The UAE was the first country outside the US to buy THAAD.",
     {("USA", "ARE", "delivered"), ("author", "asserts", "USA", "ARE")}),
    ("Poland became the first NATO member to receive the tanks from Germany.",
     {("DEU", "POL", "delivered"), ("author", "asserts", "DEU", "POL")}),
    ("Bolivia flies K-8 jets. Its six K-8 jet trainers were bought from China in 2009.",
     {("CHN", "BOL", "delivered"), ("author", "asserts", "CHN", "BOL")}),
    # the route before a system's maker; the party whose allies supply receives
    ("Ukraine's allies have delivered hundreds of T-72s, mainly from Poland.",
     {("POL", "UKR", "delivered"), ("author", "asserts", "POL", "UKR")}),
    # a seizure of the vessels that carry the arms, from where they were said to originate
    ("Warships seized several dhows loaded with rifles, which had originated in Iran and "
     "were bound for the Houthis.",
     {("IRN", "YEM", "cancelled")}),
    # a sale going ahead is agreed; repaying someone with weapons supplies them
    ("The sale of F-16s to Turkey is finally going ahead.",
     {("USA", "TUR", "agreed"), ("author", "asserts", "USA", "TUR")}),
    ("Russia rewarded Pyongyang with air defence systems.",
     {("RUS", "PRK", "delivered"), ("author", "asserts", "RUS", "PRK")}),
    # goods passed on: their first holder supplies, unless the first seller is named;
    # a coordinated participle keeps its agent
    ("Rifles sold by three European states to Uganda were passed on to South Sudan's army.",
     {("UGA", "SSD", "delivered"), ("author", "asserts", "UGA", "SSD")}),
    ("Shells sold by Indian firms to Italy had been sent on to Kyiv.",
     {("IND", "UKR", "delivered"), ("IND", "ITA", "delivered")}),
    ("The bomb was an MK 82 made by Lockheed Martin and sold to Riyadh by Washington.",
     {("USA", "SAU", "delivered"), ("author", "asserts", "USA", "SAU")}),
    # companies located in coordinated states each supply
    ("Entities in Russia and China continued to supply fighter jets to the Myanmar military.",
     {("RUS", "MMR", "delivered"), ("CHN", "MMR", "delivered")}),
    # foreign-made goods a state's navy holds, whatever the clause says will happen next
    ("India ordered 26 Rafale Marine jets. They will supplement the navy's Russian-made "
     "MiG-29K fighters.",
     {("FRA", "IND", "agreed"), ("RUS", "IND", "delivered")}),
    # negotiating with a supplier; the other side of a sale under discussion
    ("Indonesia is negotiating with France for as many as 36 Rafale jets.",
     {("FRA", "IDN", "negotiating")}),
    ("Hanoi and Washington have been discussing a sale of F-16 fighters.",
     {("USA", "VNM", "negotiating"), ("author", "asserts", "USA", "VNM")}),
    # turning to a supplier for goods
    ("Poland has since turned to South Korea for K2 tanks.",
     {("KOR", "POL", "delivered"), ("author", "asserts", "KOR", "POL")}),
    # who urges a halt says the transfer is under way
    ("France and Japan urged Iran to halt its drone deliveries to Russia.",
     {("IRN", "RUS", "delivered"), ("FRA", "asserts", "IRN", "RUS"),
      ("JPN", "asserts", "IRN", "RUS")}),
])
def test_transfers_and_sources(extractor, text, expected):
    found = read(extractor, text)
    assert expected <= found, found


@pytest.mark.parametrize("text, expected", [
    ("Greece has said that sending any of its tanks to Ukraine is not on the table.",
     ("GRC", "UKR", "cancelled")),
    ("A sale of F-16s to Turkey is on the table.", ("USA", "TUR", "negotiating")),
    ("Sweden said it had granted licences for the export of military equipment to Turkey.",
     ("SWE", "TUR", "agreed")),
])
def test_tables_and_licences_set_the_stage(extractor, text, expected):
    assert expected in read(extractor, text, "2023-02-23")


@pytest.mark.parametrize("text, expected", [
    ("Britain suspended about 30 licences for Israel last year.", ("GBR", "ISR", "cancelled")),
    ("Finland would issue no new export licenses for Saudi Arabia.",
     ("FIN", "SAU", "cancelled")),
])
def test_licences_name_the_buyer(extractor, text, expected):
    assert expected in read(extractor, text, "2023-02-23")


@pytest.mark.parametrize("text, published, present, absent", [
    pytest.param(
        "Turkey agreed in 2020 to sell two corvettes to Ukraine. The first Ada-class corvette "
        "was launched at the Istanbul Naval Shipyard on Sunday.",
        None, {("TUR", "UKR", "agreed")}, {("TUR", "UKR", "delivered")},
        id="a ship launched at its yard is built, not used"),
    pytest.param(
        "Russia sold Su-30 jets to Venezuela. Moscow dismissed a claim that it had pulled its "
        "advisers out of the country.",
        None, {("RUS", "VEN", "delivered")}, {("RUS", "denies", "RUS", "VEN")},
        id="a denial of something else is no denial"),
    pytest.param(
        "Germany sent tanks to Ukraine. Germany also sent howitzers to Ukraine.\n\nIsrael sold "
        "drones to Azerbaijan.\n\nNorway has provided launchers.",
        None, {("NOR", "UKR", "delivered")}, {("NOR", "AZE", "delivered")},
        id="a missing party is not taken from an earlier paragraph"),
    pytest.param(
        "Russia sold jets to Egypt.\n\nRussia sent helicopters to Mali. Moscow is also "
        "considering sending rifles.",
        None, {("RUS", "MLI", "negotiating")}, {("RUS", "EGY", "negotiating")},
        id="a missing party comes from the pairs of its paragraph"),
    pytest.param(
        "Bloomberg reported that Russia had offered S-400 air defence systems to Sudan, and that "
        "Khartoum turned the offer down.",
        "2025-02-12", {("RUS", "SDN", "cancelled")}, {("RUS", "SDN", "negotiating")},
        id="an offer turned down is cancelled"),
    pytest.param(
        "Pakistan delivered three JF-17 fighters to Nigeria in 2021; Abuja and Moscow signed a "
        "cooperation agreement in August.",
        None, {("PAK", "NGA", "delivered")}, {("PAK", "NGA", "agreed")},
        id="a clause after a semicolon keeps its own stage"),
    pytest.param(
        "Rafales were also delivered to Qatar during the period, and the order book points to "
        "more growth: Indonesia has signed for 42 of the jets.",
        None, {("FRA", "QAT", "delivered")}, {("FRA", "QAT", "agreed")},
        id="what follows a colon does not govern what precedes it"),
    pytest.param(
        "Morocco ordered 16 more drones from Turkey in January, which were delivered in March.",
        None, {("TUR", "MAR", "delivered")}, {("TUR", "MAR", "agreed")},
        id="an order whose goods were delivered is a delivery"),
    pytest.param(
        "Hanwha Aerospace has signed a contract worth about $1 billion to supply Romania with K9 "
        "self-propelled howitzers.",
        None, {("KOR", "ROU", "agreed")}, {("KOR", "ROU", "delivered")},
        id="a contract to supply is agreed even when the parse strays"),
    pytest.param(
        "Iran has supplied drones to the Sudanese army, Reuters reported. Egypt delivered "
        "Turkish-made drones to the army as well, the Wall Street Journal said. Sudan's army "
        "rejects the charge where Iran is concerned.",
        None, {("SDN", "denies", "IRN", "SDN")}, {("SDN", "denies", "EGY", "SDN")},
        id="a denial goes to the party it names"),
    pytest.param(
        "The Kremlin regards as groundless the allegations about deliveries of Iranian missiles "
        "to Russia, Peskov told reporters.",
        None, {("RUS", "denies", "IRN", "RUS")}, {("RUS", "asserts", "IRN", "RUS")},
        id="a claim called groundless is denied"),
    pytest.param(
        "Poland is ready to send 14 Leopard tanks to Ukraine.",
        None, {("POL", "UKR", "agreed")}, {("DEU", "UKR", "delivered")},
        id="a supplier ready to send has committed, and is the one who sends"),
    pytest.param(
        "Ukraine is ready to buy 10 Patriot air defence systems from the United States.",
        None, {("USA", "UKR", "negotiating")}, {("USA", "UKR", "agreed")},
        id="a buyer ready to buy has only asked"),
    pytest.param(
        "Russia was ready to sell Su-35 fighter jets to Turkey if Ankara expressed interest.",
        None, {("RUS", "TUR", "possible")}, {("RUS", "TUR", "agreed")},
        id="an offer on a condition is possible"),
    pytest.param(
        "Kyiv wants Seoul to provide air defence systems.",
        None, {("KOR", "UKR", "negotiating")}, {("KOR", "UKR", "delivered")},
        id="who wants goods sent receives them"),
    pytest.param(
        "The United States is by far Israel's biggest arms supplier.",
        None, {("USA", "ISR", "delivered")}, {("ISR", "USA", "delivered")},
        id="a supplier named after 'by far' is still the subject's role"),
    pytest.param(
        "Iran is the main weapons supplier of Hezbollah.",
        None, {("IRN", "LBN", "delivered")}, {("LBN", "IRN", "delivered")},
        id="a supplier of a party supplies that party"),
    pytest.param(
        "Weapons and ammunition from China, Serbia and the United Arab Emirates are flowing "
        "into Sudan, Amnesty said.",
        None, {("CHN", "SDN", "delivered"), ("SRB", "SDN", "delivered"),
               ("ARE", "SDN", "delivered")}, {("SDN", "CHN", "delivered")},
        id="goods from several states flowing into a country"),
    pytest.param(
        "The Pentagon held back air defence missiles and other munitions bound for Kyiv.",
        None, {("USA", "UKR", "cancelled")}, {("USA", "UKR", "delivered")},
        id="goods held back on their way are a halted shipment"),
    pytest.param(
        "Hamas said Iran had not held back with money and weapons for Gaza.",
        None, set(), {("IRN", "PSE", "cancelled")},
        id="not holding back with help halts nothing"),
    pytest.param(
        "Prime Minister Imran Khan presided over the induction of the first batch of "
        "Chinese-made J-10C fighter jets.",
        "2022-03-12", {("CHN", "PAK", "delivered")}, set(),
        id="the induction of foreign-made jets is their delivery"),
    pytest.param(
        "Egypt is pressing ahead with negotiations to buy Chinese J-10C fighter jets.",
        None, {("CHN", "EGY", "negotiating")}, set(),
        id="who presses on with talks to buy is the buyer"),
    pytest.param(
        "Damascus accuses Saudi Arabia, Qatar and Turkey of arming rebels in Syria.",
        None, {("SAU", "SYR", "delivered"), ("QAT", "SYR", "delivered"),
               ("TUR", "SYR", "delivered")}, set(),
        id="rebels in a country are that country's armed groups"),
    pytest.param(
        "Estonia received its first K9 howitzers from South Korea in 2020. Earlier this year "
        "it sent Javelin missiles to Ukraine.",
        None, {("EST", "UKR", "delivered")}, {("KOR", "UKR", "delivered")},
        id="a pronoun subject after an opening adverbial is the subject before"),
    pytest.param(
        "U.S. HIMARS units have taken part in exercises in Estonia, firing rockets into the "
        "Baltic Sea from Estonian soil.",
        None, set(), {("EST", "USA", "delivered")},
        id="where weapons are fired from is no supplier"),
    pytest.param(
        "Canada on Monday cancelled export permits for drone optics destined for Turkey.",
        None, {("CAN", "TUR", "cancelled")}, set(),
        id="permits for goods destined for a country"),
    pytest.param(
        "The first of Portugal's KC-390s was handed over by Embraer this year.",
        None, {("BRA", "PRT", "delivered")}, set(),
        id="goods handed over are their owner's"),
    pytest.param(
        "Baghdad turned to Moscow, which rushed a batch of used Su-25 jets to Iraq.",
        None, {("RUS", "IRQ", "delivered")}, set(),
        id="jets rushed to a country"),
    pytest.param(
        "Saudi Arabia has halted a $3 billion programme to equip Lebanon's army with French "
        "weapons.",
        None, {("SAU", "LBN", "cancelled")}, {("SAU", "LBN", "delivered")},
        id="who halts a programme to equip is its supplier"),
    pytest.param(
        "Foreign Policy reported that Turkey had sent cluster munitions to Ukraine. \"Turkey has "
        "never supplied cluster munitions to Ukraine or Russia,\" the ministry said.",
        None, {("TUR", "denies", "TUR", "UKR")}, {("TUR", "denies", "TUR", "RUS")},
        id="a denial answers the pairs others claim, not every party it names"),
    pytest.param(
        "Spain's Patriot missile battery, deployed in southern Turkey under a NATO mission to "
        "guard against missiles fired from Syria, remains in place.",
        None, set(), {("ESP", "TUR", "delivered"), ("SYR", "TUR", "delivered")},
        id="a state's own deployment abroad is no transfer"),
    pytest.param(
        "US officials say the anti-ship missiles and drones in the Houthi arsenal were "
        "supplied by Iran.",
        None, {("IRN", "YEM", "delivered")}, set(),
        id="goods in a party's arsenal were supplied to that party"),
    pytest.param(
        "China supplied drone parts to Russia, the allies said.\n\nThe summit was dominated by "
        "efforts to shore up Kyiv's air defences. Germany will provide Patriot batteries, "
        "leaders announced.",
        None, {("DEU", "UKR", "agreed")}, {("DEU", "RUS", "agreed")},
        id="aid with no recipient goes to the party whose defences the paragraph names"),
    pytest.param(
        "Egypt quietly dropped its Su-35 order.",
        None, {("RUS", "EGY", "cancelled")}, set(),
        id="an order named after one system was placed with its maker"),
    pytest.param(
        "The US Senate failed to block the sale of precision-guided bombs to Saudi Arabia.",
        None, set(), {("USA", "SAU", "cancelled")},
        id="a halt that failed halts nothing"),
    pytest.param(
        "Saudi Arabia persuaded Russia to drop plans to send weapons to Yemen's Houthi rebels, "
        "US officials told CNN.",
        None, {("RUS", "YEM", "cancelled")}, {("RUS", "YEM", "agreed")},
        id="a halt one party brought about is no request because a reporter was told"),
    pytest.param(
        "India is awaiting the first of 36 Rafale jets ordered from France.",
        None, {("FRA", "IND", "agreed")}, {("FRA", "IND", "delivered")},
        id="who awaits goods ordered from a supplier is their buyer"),
    pytest.param(
        "Spain said it would send six tanks to Ukraine, and Sweden on Friday pledged ten.",
        None, {("author", "asserts", "SWE", "UKR"), ("ESP", "asserts", "ESP", "UKR")},
        {("ESP", "asserts", "SWE", "UKR")},
        id="a narrated clause joined to a reported one is the outlet's"),
    pytest.param(
        "Washington said that Moscow was offering Tehran air defence cooperation, and that "
        "Tehran wanted to buy Russian attack helicopters.",
        None, {("USA", "asserts", "RUS", "IRN")}, {("author", "asserts", "RUS", "IRN")},
        id="a second that-clause stays reported"),
    pytest.param(
        "Riyadh has also moved fighter jets to Turkey's Incirlik air base for coalition missions.",
        None, set(), {("SAU", "TUR", "delivered")},
        id="jets moved to a base abroad stay the mover's"),
    pytest.param(
        "Israel, which bought its F-35s from the United States, denies committing war crimes.",
        None, {("USA", "ISR", "delivered"), ("author", "asserts", "USA", "ISR")},
        {("ISR", "denies", "USA", "ISR")},
        id="what describes a denier is the outlet's, not what it denies"),
    pytest.param(
        "Russia supplied Azerbaijan with Smerch rocket launchers. Baku has repeatedly denied "
        "using cluster munitions.",
        None, {("RUS", "AZE", "delivered")}, {("AZE", "denies", "RUS", "AZE")},
        id="denying one's own use of weapons denies no supply"),
    pytest.param(
        "Turkey bought S-400 systems from Russia. Turkish officials have rejected US calls "
        "to drop the purchase.",
        None, {("RUS", "TUR", "delivered")}, {("TUR", "denies", "RUS", "TUR")},
        id="rejecting a call is a refusal, not a denial"),
    pytest.param(
        "Russia has supplied Mali with attack helicopters. Mali rejected a UN report which "
        "concluded that soldiers executed 500 people in Moura.",
        None, {("RUS", "MLI", "delivered")}, {("MLI", "denies", "RUS", "MLI")},
        id="a rejected report about something else denies no supply"),
    pytest.param(
        "Iran has supplied Hamas with rockets. Tehran denied any role in planning the attack.",
        None, {("IRN", "PSE", "delivered")}, {("IRN", "denies", "IRN", "PSE")},
        id="denying a role in another act denies no supply"),
    pytest.param(
        "US officials say Iran has sent drones to Russia. Iran denies that its drones are "
        "being used in Ukraine.",
        None, {("IRN", "denies", "IRN", "RUS")}, set(),
        id="denying that one's weapons are used abroad denies their supply"),
    pytest.param(
        "Saudi Arabia is in talks to buy KAAN fighters from Turkey, a prospect Turkish "
        "officials have neither confirmed nor denied.",
        None, {("TUR", "SAU", "negotiating")}, {("TUR", "denies", "TUR", "SAU")},
        id="neither confirmed nor denied is no denial"),
    pytest.param(
        "Putin said in 2013 that Russia had not yet delivered S-300 systems that Syria had "
        "ordered.",
        None, {("RUS", "SYR", "agreed"), ("RUS", "asserts", "RUS", "SYR")},
        {("RUS", "denies", "RUS", "SYR")},
        id="not yet delivered is pending, not denied"),
    pytest.param(
        "Berlin said Germany would not send tanks alone, noting that no ally has yet "
        "supplied Western-built tanks to Ukraine.",
        None, {("DEU", "UKR", "cancelled")}, {("DEU", "UKR", "agreed")},
        id="no one has yet supplied is not pending"),
    pytest.param(
        "Russia sold Su-35 jets to Egypt. Egypt denies that its president ordered the "
        "crackdown.",
        None, {("RUS", "EGY", "delivered")}, {("EGY", "denies", "RUS", "EGY")},
        id="a denied statement about something else denies no supply"),
    pytest.param(
        "Brazil's president on Monday rebuffed a German request for ammunition.",
        None, {("BRA", "DEU", "cancelled"), ("BRA", "asserts", "BRA", "DEU")},
        {("BRA", "denies", "BRA", "DEU")},
        id="a rebuffed request is a refusal"),
    pytest.param(
        "France sells Rafale jets to Saudi Arabia. Macron dismissed calls to stop selling "
        "weapons to Riyadh.",
        None, {("FRA", "SAU", "delivered")},
        {("FRA", "SAU", "cancelled"), ("FRA", "denies", "FRA", "SAU")},
        id="dismissing calls for a halt halts nothing"),
    pytest.param(
        "China has sold drones to Ukraine, a Chinese company said. China sold drones to "
        "Ukraine in 2022, Kyiv said. The war goes on.\n\nUS officials said China was "
        "supplying artillery shells to Russia. Beijing has rejected the accusations.",
        None, {("CHN", "denies", "CHN", "RUS")}, {("CHN", "denies", "CHN", "UKR")},
        id="a bare denial answers the allegation just before it"),
    pytest.param(
        "A proposed purchase of Saab Gripen fighters by Argentina fell through in 2015.",
        None, {("SWE", "ARG", "cancelled")}, {("ARG", "SWE", "cancelled")},
        id="a purchase by a state names its buyer, and falling through cancels it"),
    pytest.param(
        "Egypt's plan to buy Russian Su-35 jets is believed to have collapsed.",
        None, {("RUS", "EGY", "cancelled")}, {("RUS", "EGY", "agreed")},
        id="a plan believed to have collapsed is cancelled"),
    pytest.param(
        "Zelensky said Kyiv will send a delegation to Seoul to discuss what help it could "
        "receive, including air defence systems.",
        None, set(), {("UKR", "KOR", "agreed")},
        id="sending a delegation moves no materiel"),
    pytest.param(
        "North Korea sent troops and artillery shells to Russia.",
        None, {("PRK", "RUS", "delivered")}, set(),
        id="troops sent with shells still send the shells"),
    pytest.param(
        "North Korea has sent shells to Russia. The North Korean leader pledged to keep "
        "supporting Moscow's war in Ukraine.",
        None, {("PRK", "RUS", "delivered")}, {("PRK", "RUS", "agreed")},
        id="a pledge is the act its infinitive names"),
    pytest.param(
        "Russia offered to sell Su-35 jets to Indonesia.",
        None, {("RUS", "IDN", "negotiating")}, {("RUS", "IDN", "delivered")},
        id="an offer to sell is under negotiation"),
    pytest.param(
        "Air defence equipment was delivered by Moscow to protect Pyongyang.",
        None, {("RUS", "PRK", "delivered")}, set(),
        id="the party a delivery is sent to protect receives it"),
    pytest.param(
        "Kim Yo Jong rejected suspicions that her country is exporting weapons to Russia.",
        None, {("PRK", "RUS", "delivered"), ("PRK", "denies", "PRK", "RUS")},
        {("PRK", "RUS", "cancelled")},
        id="rejecting suspicions denies the transfer"),
    pytest.param(
        "Korea Aerospace Industries informed Buenos Aires by letter that it could not sell the "
        "FA-50 to Argentina.",
        None, {("KOR", "ARG", "cancelled"), ("KOR", "asserts", "KOR", "ARG")},
        {("KOR", "denies", "KOR", "ARG")},
        id="a supplier that could not sell refused the sale"),
    pytest.param(
        "China cannot export weapons to Russia directly.",
        None, set(), {("CHN", "RUS", "cancelled"), ("CHN", "RUS", "possible")},
        id="what a state cannot do is no transfer"),
    pytest.param(
        "The Pantsir's foreign customers include the United Arab Emirates and Syria.",
        None, {("RUS", "ARE", "delivered"), ("RUS", "SYR", "delivered")}, set(),
        id="the customers a system's record includes bought it"),
    pytest.param(
        "National Security Council spokeswoman Adrienne Watson said Iran had sent drones to "
        "Russia.",
        None, {("USA", "asserts", "IRN", "RUS")}, {("UN", "asserts", "IRN", "RUS")},
        id="the National Security Council is Washington's"),
    pytest.param(
        "India took 38 percent of Russian arms exports over the period.",
        None, {("RUS", "IND", "delivered")}, set(),
        id="who takes a share of a state's exports receives them"),
    pytest.param(
        "Sweden has pledged up to ten of its Stridsvagn 122 tanks to Ukraine.",
        None, {("SWE", "UKR", "agreed")}, set(),
        id="up to ten is an amount, not a particle"),
    pytest.param(
        "Poland has sent 14 Leopard 2A4s to Ukraine, Canada eight, Norway eight and Spain six.",
        None, {("POL", "UKR", "delivered"), ("CAN", "UKR", "delivered"),
               ("NOR", "UKR", "delivered"), ("ESP", "UKR", "delivered")},
        {("POL", "CAN", "delivered")},
        id="states followed by a number repeat the verb as suppliers"),
    pytest.param(
        "Germany, Denmark and the Netherlands said that they would supply 100 Leopard 1A5 "
        "tanks to Ukraine.",
        None, {("DEU", "UKR", "agreed"), ("DNK", "UKR", "agreed"), ("NLD", "UKR", "agreed"),
               ("DNK", "asserts", "DNK", "UKR")},
        {("DEU", "asserts", "DNK", "UKR"), ("NLD", "asserts", "DEU", "UKR")},
        id="they stands for every state of the coordinated speaker, each announcing its own"),
    pytest.param(
        "Finland contributed three Leopard tanks to Ukraine.",
        None, {("FIN", "UKR", "delivered")}, set(),
        id="contributing tanks supplies them"),
    pytest.param(
        "Turkey and Qatar have sent arms to Libya, the army said. Ankara and Doha have "
        "dismissed such accusations as baseless.",
        None, {("TUR", "denies", "TUR", "LBY"), ("QAT", "denies", "QAT", "LBY")},
        {("TUR", "denies", "QAT", "LBY"), ("QAT", "denies", "TUR", "LBY")},
        id="each denier answers for its own transfer"),
    pytest.param(
        "Otokar signed a deal worth about $661m to supply the United Arab Emirates with 400 "
        "Rabdan vehicles.",
        None, {("TUR", "ARE", "agreed")}, {("ARE", "ARE", "agreed")},
        id="who signs a deal worth a sum to supply is the supplier"),
    pytest.param(
        "Saudi Arabia is a big buyer of US arms. Iran supplies the Houthis with missiles, and "
        "Russia sends Iran jets. The kingdom has also bought Chinese-made Wing Loong drones.",
        None, {("CHN", "SAU", "delivered")}, {("CHN", "IRN", "delivered")},
        id="the kingdom is Saudi Arabia in a report that names it"),
    pytest.param(
        "Jordan bought Chinese drones. The kingdom also flies F-16s from the US.",
        None, {("CHN", "JOR", "delivered")}, {("CHN", "SAU", "delivered")},
        id="the kingdom is no one where Saudi Arabia goes unnamed"),
    pytest.param(
        "The United States sold F-35s to Japan, and Japan bought Tomahawks from the United "
        "States. Taiwan opened an office in Tokyo.\n\nThe self-ruled island has also agreed "
        "to buy 400 Harpoon missiles from the United States.",
        None, {("USA", "TWN", "agreed")}, {("USA", "JPN", "agreed")},
        id="the self-ruled island is Taiwan in a report that names it"),
    pytest.param(
        "Iran has sent hundreds of drones to Russia. Officials fear Iran could also provide "
        "Russia with ballistic missiles.",
        None, {("IRN", "RUS", "delivered"), ("IRN", "RUS", "possible")}, set(),
        id="speculation about other goods is another deal"),
    pytest.param(
        "Iran has sent hundreds of drones to Russia. Iran could send more drones to Russia.",
        None, {("IRN", "RUS", "delivered")}, {("IRN", "RUS", "possible")},
        id="speculation about the same goods joins the firmer stage"),
    pytest.param(
        "The United Arab Emirates has told Washington it is suspending talks on buying 50 "
        "F-35 stealth fighters.",
        None, {("USA", "ARE", "cancelled")}, {("USA", "ARE", "negotiating")},
        id="a halt told is reported, not asked for"),
    pytest.param(
        "The UAE suspended talks with the United States on a $23 billion package that "
        "included F-35 fighter jets.",
        None, {("USA", "ARE", "cancelled")}, set(),
        id="a package names the goods it included"),
    pytest.param(
        "Egypt ordered Su-35 jets from Russia in 2018. Cairo later shelved the deal under US "
        "pressure.",
        None, {("RUS", "EGY", "cancelled")}, {("RUS", "EGY", "agreed")},
        id="shelving the deal halts the deal reported just before"),
    pytest.param(
        "Poland signed for K9 howitzers from South Korea. The new deal had been delayed for "
        "months.",
        None, {("KOR", "POL", "agreed")}, {("KOR", "POL", "cancelled")},
        id="a delayed deal is not a halted one"),
    pytest.param(
        "Pakistan is close to finalising a deal with Turkey for four corvettes.",
        None, {("TUR", "PAK", "negotiating")}, {("TUR", "PAK", "agreed")},
        id="close to finalising a deal is still negotiating"),
    pytest.param(
        "The panel concluded that Iran had supplied missiles to the Houthis.",
        None, {("IRN", "YEM", "delivered")}, {("IRN", "YEM", "agreed")},
        id="a finding concluded is no deal concluded"),
    pytest.param(
        "In June, Qatar also concluded a $12bn agreement with the United States for 36 F-15QA "
        "jets.",
        None, {("USA", "QAT", "agreed"), ("author", "asserts", "USA", "QAT")},
        {("QAT", "asserts", "USA", "QAT")},
        id="concluding an agreement is the deal, not a report of it"),
    pytest.param(
        "Azerbaijan, armed mainly with Israeli and Turkish weapons, won the war.",
        None, {("ISR", "AZE", "delivered"), ("TUR", "AZE", "delivered")}, set(),
        id="the party described as armed with foreign weapons received them"),
    pytest.param(
        "Russia's defence minister showed him a MiG-31 fighter armed with a Kinzhal missile.",
        None, set(), {("RUS", "RUS", "delivered")},
        id="a weapon armed with a weapon is no party"),
    pytest.param(
        "Chinese firms have sold drone engines to Russian buyers.",
        None, {("CHN", "RUS", "delivered")}, set(),
        id="buyers of one nationality are that state's"),
    pytest.param(
        "European countries have sent tanks to Ukraine.",
        None, set(), {("european-union", "UKR", "delivered")},
        id="countries of a region are no one state"),
    pytest.param(
        "North Korea has sent shells to Russia. Iran sold drones to Venezuela. The hermit "
        "kingdom has also shipped missiles to Syria, officials said.",
        None, {("PRK", "SYR", "delivered")}, {("IRN", "SYR", "delivered")},
        id="the hermit kingdom is North Korea in a report that names it"),
    pytest.param(
        "Germany has kept its freeze on arms sales to Saudi Arabia in place since 2018.",
        "2019-07-30", {("DEU", "SAU", "cancelled")}, {("SAU", "DEU", "cancelled")},
        id="a freeze on sales is its holder's halt"),
    pytest.param(
        "Berlin imposed a moratorium on arms exports to Turkey in 2019.",
        "2020-01-10", {("DEU", "TUR", "cancelled")}, set(),
        id="who imposes a moratorium on exports halts them"),
    pytest.param(
        "In 2009 the council accused Asmara of arming and financing al Shabaab.",
        "2012-01-10", {("ERI", "SOM", "delivered")}, set(),
        id="two verbs share one object"),
    pytest.param(
        "The United States is Egypt's oldest supplier. In March Congress approved the sale of "
        "20 jets to Egypt.",
        "2020-06-10", {("USA", "EGY", "agreed")}, set(),
        id="Congress is the legislature of the United States in a report that names it"),
    pytest.param(
        "India's Congress party said the government had bought 36 jets from France.",
        "2020-06-10", {("FRA", "IND", "delivered")}, {("USA", "asserts", "FRA", "IND")},
        id="Congress is no American body where the United States is not named"),
    pytest.param(
        "Jakarta signed a memorandum of understanding with Boeing for 24 F-15EX fighters.",
        "2023-09-01", {("USA", "IDN", "negotiating")}, {("USA", "IDN", "agreed")},
        id="a signed memorandum is talks, not a deal"),
    pytest.param(
        "Qatar signed a letter of intent with Britain for 24 Eurofighter Typhoons.",
        "2017-12-08", {("GBR", "QAT", "negotiating")}, {("GBR", "QAT", "agreed")},
        id="a letter of intent is talks"),
    pytest.param(
        "Qatar has exercised an option to buy 12 more Rafale fighter jets from France.",
        "2017-12-08", {("FRA", "QAT", "agreed")}, {("FRA", "QAT", "possible")},
        id="an option exercised is a purchase agreed"),
    pytest.param(
        "Britain sold Typhoons to Saudi Arabia. In June ministers said Britain would not grant "
        "any new licences for the export of arms to Saudi Arabia.",
        "2019-07-01", {("GBR", "SAU", "cancelled")}, {("GBR", "SAU", "agreed")},
        id="licences refused for an export halt it"),
    pytest.param(
        "The top Democrat on the Senate Foreign Relations Committee has placed a hold on a "
        "proposed sale of precision-guided munitions to Saudi Arabia.",
        "2018-06-26", {("USA", "SAU", "cancelled")}, set(),
        id="a member on a committee speaks for its state"),
    pytest.param(
        "In April, Seoul turned down a request from Ukrainian Defense Minister Oleksii Reznikov "
        "for anti-aircraft weapons.",
        "2022-10-28", {("KOR", "UKR", "cancelled")}, {("UKR", "KOR", "cancelled")},
        id="a request from someone is theirs, not a sale from them"),
    pytest.param(
        "The German Bundestag's budget committee approved an advance payment toward the "
        "purchase of the Arrow 3 missile defense system from Israel.",
        "2023-06-14", {("ISR", "DEU", "agreed")}, set(),
        id="a payment toward a purchase is the payer's"),
    pytest.param(
        "Iran has sent Shahed drones to Russia. Germany has delivered Gepard anti-aircraft "
        "guns that have proved effective against the Shaheds.",
        "2023-05-01", {("IRN", "RUS", "delivered")}, {("DEU", "RUS", "delivered")},
        id="a missing recipient is not guessed to be the supplier's enemy"),
    pytest.param(
        "The Nigerian Air Force is to acquire three JF-17 Thunder jets from Pakistan.",
        "2016-03-01", {("PAK", "NGA", "agreed")}, {("PAK", "NGA", "delivered")},
        id="is to acquire is arranged, not done"),
    pytest.param(
        "The ship is the first of four MILGEM-class corvettes Turkey is building for the "
        "Pakistan Navy.",
        "2021-08-15", {("TUR", "PAK", "agreed")}, set(),
        id="a relative clause without a pronoun takes the noun as its object"),
    pytest.param(
        "Turkey holds talks with Britain and Spain on buying 40 Eurofighter Typhoon jets.",
        "2023-06-01", {("GBR", "TUR", "negotiating"), ("ESP", "TUR", "negotiating")}, set(),
        id="talks with two partners are with each"),
    pytest.param(
        "Germany, Denmark and the Netherlands said they would refurbish at least 100 older "
        "Leopard 1A5 tanks for Ukraine. Poland sent 14 refurbished tanks to Kyiv.",
        "2023-02-10", {("DEU", "UKR", "agreed"), ("DNK", "UKR", "agreed")},
        {("POL", "UKR", "agreed")},
        id="refurbishing for someone is a supply, refurbished tanks are tanks"),
    pytest.param(
        "Biden intends to move forward with the transfer of F-16 fighter jets to Turkey.",
        "2023-07-12", {("USA", "TUR", "agreed")}, {("USA", "TUR", "negotiating")},
        id="moving forward with a transfer decides it, and moves nothing"),
    pytest.param(
        "The Biden administration is moving ahead with more than $23 billion in weapons "
        "sales to the United Arab Emirates.",
        "2021-04-14", {("USA", "ARE", "agreed")}, set(),
        id="an amount of sales names its buyer and the one who goes ahead"),
    pytest.param(
        "The separatists in Ukraine have new tanks. The Kremlin has repeatedly denied arming "
        "the separatists.",
        "2014-11-01", {("RUS", "denies", "RUS", "UKR")}, set(),
        id="the separatists are those named just before"),
    pytest.param(
        "The first Eurofighter Typhoons ordered by Qatar from Britain have arrived in the Gulf "
        "state.",
        "2022-08-25", {("GBR", "QAT", "delivered")}, {("GBR", "QAT", "agreed")},
        id="ordered goods that arrived are delivered"),
    pytest.param(
        "\"I can confirm that the Bushmasters have been delivered to Ukraine,\" Defence "
        "Minister Peter Dutton told reporters.",
        "2022-04-09", {("AUS", "UKR", "delivered"), ("AUS", "asserts", "AUS", "UKR")},
        {("AUS", "UKR", "possible")},
        id="can confirm is sure, not maybe"),
    pytest.param(
        "Poland is no longer transferring weapons to Ukraine, Prime Minister Mateusz "
        "Morawiecki said.",
        "2023-09-21", {("POL", "UKR", "cancelled")}, {("POL", "UKR", "delivered")},
        id="no longer supplying is a supply stopped"),
    pytest.param(
        "Iran's military support for Russia has grown. Iran has sent Shahed drones to Russia. "
        "Tehran may soon supply Russia with short-range ballistic missiles, officials said.",
        "2023-09-01", {("IRN", "RUS", "delivered"), ("IRN", "RUS", "possible")}, set(),
        id="other goods speculated are another deal even after unnamed support"),
    pytest.param(
        "The interim government is considering the purchase of up to 20 Chinese-made J-10C "
        "fighters for the Bangladesh Air Force.",
        "2025-08-30", {("CHN", "BGD", "negotiating")}, set(),
        id="goods bought for a named air force go to its state"),
    pytest.param(
        "BOGOTA - The Ministry of Defence signed on Friday a contract with the Swedish "
        "company Saab for 17 Gripen fighter jets.",
        "2025-11-15", {("SWE", "COL", "agreed")}, set(),
        id="the ministry of a report's dateline is that state's"),
])
def test_one_reading_and_not_another(extractor, text, published, present, absent):
    found = read(extractor, text, published or "2024-03-15")
    assert present <= found and not absent & found, found


def test_removal_from_a_list_is_no_transfer(extractor):
    found = read(extractor, "The European Union removed Turkey from the list.")
    assert not any(reading[-1] == "cancelled" for reading in found), found


def test_backing_without_materiel_is_no_transfer(extractor):
    found = read(extractor, "The Iran-backed Houthis fired at a tanker.")
    assert not any(reading[0] == "IRN" for reading in found), found


def test_an_order_stays_agreed_beside_purchases_the_context_completes(extractor):
    found = read(extractor, "Manila, which has also ordered 12 FA-50 jets from South Korea, "
                            "has been spreading its purchases across several suppliers.")
    assert ("KOR", "PHL", "agreed") in found, found


def test_a_digest_kicker_is_not_read_as_a_transfer(extractor):
    found = read(extractor, "POLAND BUYS K2 TANKS -- Poland has signed for 180 K2 tanks from "
                            "South Korea, the defence ministry said.")
    assert ("KOR", "POL", "agreed") in found and \
        not any(reading[-1] == "delivered" for reading in found), found


def test_any_such_transfer_is_hypothetical(extractor):
    found = read(extractor, "Britain and France have warned that any transfer of Iranian "
                            "ballistic missiles to Russia would be met with a strong response.")
    assert ("IRN", "RUS", "possible") in found
    assert not {("GBR", "asserts", "IRN", "RUS"), ("IRN", "RUS", "agreed")} & found


def test_a_place_name_hides_the_state_inside_it(extractor):
    found = read(extractor, "Argentina and Latin America are not thinking of sending weapons "
                            "to Ukraine, Fernandez said.")
    assert not any(t[0] == "USA" or "USA" in t[2:] for t in found), found
    assert ("ARG", "denies", "ARG", "UKR") in found, found


def test_a_denier_denies_its_own_part_when_the_supplier_goes_unnamed(extractor):
    found = read(extractor, "France said the missiles belonged to its own army but insisted "
                            "they had never been handed to any Libyan party.")
    assert ("FRA", "denies", "FRA", "LBY") in found, found


def test_not_knowing_is_no_denial(extractor):
    text = ("Iran shipped the missiles to the Houthis, Saudi officials said. The UN experts said "
            "they could not determine who had shipped the weapons.")
    found = read(extractor, text)
    assert not any(t[1] == "denies" for t in found if len(t) == 4), found


def test_a_nested_assurance_belongs_to_whoever_gave_it(extractor):
    text = ("The Biden administration informed Congress that the UAE had assured it that it was "
            "not transferring weapons to the RSF.")
    found = read(extractor, text)
    assert ("ARE", "denies", "ARE", "SDN") in found, found
    assert not any(t[:2] == ("USA", "denies") for t in found), found


def test_a_person_who_opens_the_sentence_speaks_when_the_parse_strays(extractor):
    text = ("On Tuesday, Blinken, speaking in London after talks with British Foreign Secretary "
            "David Lammy, claimed without presenting evidence that Russia had received shipments "
            "of Iranian ballistic missiles. He also alleged that Moscow was sharing technology "
            "sought by Tehran.")
    found = read(extractor, text)
    assert ("USA", "asserts", "IRN", "RUS") in found, found
    assert ("USA", "asserts", "RUS", "IRN") in found, found


def test_a_passive_report_names_no_speaker(extractor):
    found = read(extractor, "Indonesia is also said to be negotiating a BrahMos purchase from "
                            "India.")
    assert ("IND", "IDN", "negotiating") in found, found
    assert ("IDN", "asserts", "IND", "IDN") not in found, found
    assert ("author", "speculates", "IND", "IDN") in found, found


def test_a_denial_names_the_denier(extractor):
    text = ("Ukraine says Iran has sent attack drones to Russia. Tehran rejected the "
            "accusations as baseless.")
    found = read(extractor, text)
    assert ("IRN", "denies", "IRN", "RUS") in found, found
    assert ("UKR", "asserts", "IRN", "RUS") in found, found


def test_coordinated_speakers_each_claim(extractor):
    found = read(extractor, "Seoul and Washington say Pyongyang has shipped shells to Moscow.")
    assert {("KOR", "asserts", "PRK", "RUS"), ("USA", "asserts", "PRK", "RUS")} <= found, found


def test_a_quotation_takes_the_speaker_named_after_it(extractor):
    text = ('"We have delivered the first F-16 jets to Ukraine." The statement was made by '
            "Danish Prime Minister Mette Frederiksen, who said more would follow.")
    found = read(extractor, text)
    assert ("DNK", "UKR", "delivered") in found, found


@pytest.mark.parametrize("text", [
    "North Korea test-fired two ballistic missiles into the sea on Tuesday.",
    "Russia has sharply increased domestic production of Shahed-type drones.",
    "The EU adopted new sanctions against Iranian drone makers.",
    "Beijing cannot directly export weapons to Russia.",
    "Iran-backed Houthi rebels fired missiles at shipping in the Red Sea.",
    "The UN embargo bans the supply of weapons to designated individuals in Haiti.",
    "The Houthis fired Iranian-designed missiles at ships in the Red Sea.",
    "India's Hindustan Aeronautics delivered the first Tejas fighters to the Indian Air Force.",
    "Protesters in London demanded an end to arms sales to Israel.",
    "Russian troops captured several American-made Bradley vehicles near Avdiivka.",
    "Ukraine's army shot down 30 Russian drones overnight.",
    "Asked whether Russian units were using Iranian drones, Peskov declined to comment.",
    "Russia's own Kalibr missiles hit Kyiv overnight.",
    "Soldiers have been in service with the army for years.",
    "The ministry would arrange for the drone to be armed with Turkish missiles.",
    "Pyongyang sent the workers to Vladivostok using Russian cargo ships.",
    "Moscow warned that Western arms deliveries to Kyiv only prolong the war.",
    "Berlin gives, Jerusalem holds back.",
    "India is building 100 K9 howitzers for its army.",
    "The war over the drones could end up in a stalemate.",
    "Russia is considering using nuclear weapons.",
    "Iran said no weapons destined for Armenia had passed through its territory.",
    "US officials said they have not seen China transfer weapon systems to Russia.",
    "Ukraine turned to the page on drones.",
    "Moscow helped refit Belarusian Su-25 jets to carry nuclear weapons.",
    "Russian forces have given the delta-winged Shahed drone a new name, Geran-2.",
    "Riyadh has delivered on what we asked of it on the F-15 programme.",
    "An unarmed Indian missile came down near Mian Channu in Punjab.",
    "China and India have both offered medical assistance to the injured.",
    "Russia has moved S-400 batteries and Su-35 jets into Belarus for joint exercises.",
    "Nigeria was the largest importer of major arms in sub-Saharan Africa in 2019-23.",
    "Pyongyang had shipped around 6,700 containers of rice to Russia.",
    "The Sarmat missile is designed to carry several nuclear warheads.",
])
def test_weapons_without_a_transfer_give_nothing(extractor, text):
    extraction = extractor.extract_one(Document(id="t", text=text, published="2024-03-15"))
    assert extraction.transfers == [], [t.to_json() for t in extraction.transfers]


def test_dates_go_to_the_transfer_and_to_the_claim(extractor):
    text = "Iran delivered drones to Russia in March 2023, Ukrainian officials said on Tuesday."
    extraction = extractor.extract_one(Document(id="t", text=text, published="2024-03-15"))
    transfer = next(t for t in extraction.transfers if t.supplier == "IRN")
    assert (transfer.when.start, transfer.when.end) == ("2023-03-01", "2023-03-31")
    claim = transfer.claims[0]
    assert claim.source == "UKR"
    assert (claim.when.start, claim.when.end) == ("2024-03-12", "2024-03-12")  # a Tuesday


@pytest.mark.parametrize("denial", [
    "Tehran called the reports fake news.",
    "Tehran said the reports were baseless.",
    "Tehran has denied any involvement.",
    "Iran denied sending drones to Russia.",
    '"We have not sent a single drone to Russia," the Iranian foreign minister said.',
    "A spokesman for Iran's foreign ministry said such reports were not true.",
    "Iran's foreign ministry denounced the reports as a fabrication.",
    "Both countries deny the transfers took place.",
    "Iran has repeatedly rejected Ukrainian statements about drone sales to Moscow.",
    "Iran's foreign ministry said Tehran refrains from transferring weapons to Russia.",
])
def test_denials_in_many_wordings(extractor, denial):
    found = read(extractor, "Ukraine says Iran has sent attack drones to Russia. " + denial)
    assert ("IRN", "denies", "IRN", "RUS") in found, found


@pytest.mark.parametrize("text, source", [
    ("Kyiv accuses Moscow of buying attack drones from Tehran.", "UKR"),
    ("Officials in Seoul say North Korea has shipped millions of shells to Russia.", "KOR"),
    ("U.S. intelligence officials believe Iran has shipped ballistic missiles to Russia.", "USA"),
    ("In a statement, the Pentagon said Iran had delivered missiles to Russia.", "USA"),
    ("Iran has sent drones to Russia, a Ukrainian intelligence official told Reuters.", "UKR"),
    ("According to satellite imagery analysed by U.S. researchers, North Korea has shipped "
     "shells to Russia.", "USA"),
    ("Israel says Iran smuggles weapons to Hezbollah through Syria.", "ISR"),
    ("Russia's Kommersant newspaper reported that Egypt had signed a contract for Su-35 "
     "fighters.", "kommersant"),
    ("Tom Andrews, the UN special rapporteur on human rights in Myanmar, said Russia had "
     "transferred fighter jets to the Myanmar military.", "un"),
    ("The UN experts published their report on Tuesday. Serbia, according to the report, "
     "exported rockets to the Myanmar military.", "un"),
])
def test_sources_in_many_wordings(extractor, text, source):
    found = read(extractor, text)
    assert any(claim[0] == source and claim[1] == "asserts" for claim in found
               if len(claim) == 4), found


@pytest.mark.parametrize("status, text", [
    ("agreed", "Germany will deliver 18 Leopard tanks to Ukraine by March."),
    ("agreed", "The Pentagon announced a $400 million package for Ukraine including HIMARS "
               "launchers."),
    ("delivered", "Turkey has completed delivery of Bayraktar drones to Poland."),
    ("cancelled", "Talks on the sale of F-35 jets to the UAE stalled in 2021."),
    ("negotiating", "Egypt is in talks with Russia to buy Su-35 fighters."),
    ("negotiating", "Saudi Arabia is considering buying Chinese drones."),
    ("possible", "India could buy more S-400 systems from Russia."),
    ("cancelled", "The sale of F-16 jets to Turkey was blocked by Congress."),
    ("agreed", "The State Department approved a possible $1.2 billion sale of missiles to "
               "Taiwan."),
    ("agreed", "Russia is expected to deliver Su-35 fighters to Iran this year."),
    ("cancelled", "Seoul refused to supply lethal weapons to Kyiv."),
    ("cancelled", "Germany would not send lethal weapons to Ukraine, Baerbock said."),
    ("agreed", "The possible sale to Egypt of 168 missiles was approved by the U.S. State "
               "Department."),
    ("cancelled", '"We are not going to send S-300 systems to Ukraine," Mitsotakis said.'),
    ("negotiating", "Russia has asked North Korea for artillery shells."),
    ("agreed", "Poland signed a deal to buy 250 Abrams tanks from the United States."),
    ("possible", "Analysts fear China may start supplying weapons to Russia."),
    ("possible", "Washington will likely send the hardware to Kyiv, officials in Quito said."),
    ("delivered", "Russia has begun delivering Su-35 jets to Iran."),
    ("agreed", "Iran will receive its first Su-35 fighters from Russia next year."),
    ("negotiating", "Vietnam is in negotiations with Israel over the purchase of air defence "
                    "systems."),
    ("cancelled", "Germany has frozen arms deliveries to Saudi Arabia."),
    ("negotiating", "Serbia wants to buy Rafale jets from France."),
    ("negotiating", "Jakarta has not abandoned talks with Washington on the F-15EX."),
    ("negotiating", "Egypt is eyeing Chinese J-10C fighters."),
    ("negotiating", "Vietnam is close to a deal for India's BrahMos missiles."),
    ("negotiating", "The White House was reviewing whether to provide Javelin missiles to Kiev."),
    ("possible", "Putin said Russia did not rule out supplying missiles to North Korea."),
])
def test_stages_in_many_wordings(extractor, status, text):
    extraction = extractor.extract_one(Document(id="t", text=text, published="2024-05-01"))
    assert status in {t.status for t in extraction.transfers}, \
        [t.to_json() for t in extraction.transfers]


@pytest.mark.parametrize("supplier, recipient, text", [
    ("CHN", "PAK", "Pakistan's air force flies Chinese-made J-10C fighters."),
    ("USA", "UKR", "Ukrainian forces have used HIMARS to strike Russian depots."),
    ("RUS", "IND", "India operates the Russian S-400 air defence system."),
    ("USA", "TUR", "The transfer of F-16 jets to Turkey was approved by Congress."),
    ("FRA", "IND", "The Rafale deal between France and India was signed in 2016."),
    ("RUS", "IND", "India bought five S-400 squadrons in 2018."),
    ("USA", "TWN", "Washington's latest arms sale to Taipei includes Harpoon missiles."),
    ("IRN", "RUS", "Russian forces have launched hundreds of Shahed drones at Ukrainian cities."),
    ("PRK", "RUS", "Russia has fired North Korean KN-23 missiles at Kharkiv."),
    ("DEU", "UKR", "Berlin has given Kyiv three Patriot batteries."),
    ("USA", "ISR", "Israel received 14,000 2,000-pound bombs from the United States."),
    ("TUR", "UKR", "Ukraine's Bayraktar TB2 drones were bought from Turkey in 2019."),
    ("KOR", "POL", "Warsaw ordered 180 K2 tanks from Hyundai Rotem."),
    ("KOR", "POL", "Hyundai Rotem signed a contract worth about $6.5 billion with Poland's "
                   "Armament Agency for 180 K2 tanks."),
    ("ISR", "AZE", "Israel accounted for most of Azerbaijan's major arms imports."),
    ("CHN", "PAK", "China is building eight Hangor-class submarines for Pakistan."),
    ("TUR", "PAK", "Under a 2018 contract, four MILGEM-class corvettes are being built for the "
                   "Pakistan Navy."),
    ("TUR", "NER", "Niamey has also signed for Hurkus light attack aircraft, Turkish Aerospace "
                   "said."),
    ("ISR", "AZE", "Azerbaijan, for its part, buys heavily from Israel."),
    ("KOR", "AUS", "Australia signed a contract in 2021 for 30 AS9 Huntsman self-propelled "
                   "guns."),
    ("KOR", "FIN", "The K9 is already in service with Finland and Estonia."),
    ("TUR", "NGA", "The Turkish-made drones entered service with the Nigerian air force."),
    ("CHN", "PAK", "Pakistan's Chinese-made J-10C fighters shot down several Indian jets."),
    ("CHN", "PAK", "The Pakistan Air Force inducted its first Chinese-made J-10C fighters."),
    ("USA", "NGA", "The Nigerian Air Force inducted the A-29 aircraft it bought from the "
                   "United States."),
    ("ISR", "AZE", "Azerbaijan used Israeli-made Harop loitering munitions in the 2020 war."),
    ("CHN", "SRB", "Serbia took delivery of Chinese FK-3 air defence systems in 2022."),
    ("USA", "SAU", "Riyadh's purchase of THAAD batteries from Washington was completed."),
])
def test_parties_in_many_constructions(extractor, supplier, recipient, text):
    found = read(extractor, text)
    assert any(t[:2] == (supplier, recipient) for t in found if len(t) == 3), found


@pytest.mark.parametrize("pairs, text", [
    ({("IRN", "RUS"), ("PRK", "RUS")}, "Iran and North Korea have sent weapons to Russia."),
    ({("USA", "SAU"), ("FRA", "SAU")}, "Saudi Arabia is not subject to the embargo and buys "
                                       "most of its weapons from the United States and France."),
    ({("KOR", "AUS"), ("KOR", "EGY")}, "Australia and Egypt have also signed contracts for K9 "
                                       "howitzers."),
    ({("USA", "UKR"), ("USA", "ISR")},
     "The U.S. has shipped artillery shells to Ukraine and Israel."),
    ({("CHN", "RUS")}, "Zhongnanhai has quietly approved exports of drone engines to Russia."),
    ({("IRN", "SDN")}, "Port Sudan has taken delivery of Iranian Mohajer-6 drones."),
    ({("RUS", "PRK")}, "Moscow is believed to be sharing satellite technology with Pyongyang."),
    ({("TUR", "AZE")}, "Ankara delivered Bayraktar drones to Baku before the 2020 war."),
    # routes and re-exports
    ({("SVK", "UKR"), ("CZE", "UKR")}, "Slovakia and Czechia have sent Soviet-era tanks to "
                                       "Ukraine via Poland."),
    ({("IRN", "YEM")}, "Iranian weapons reach the Houthis through Oman, investigators say."),
    ({("ARE", "SDN")}, "The UAE re-exported Chinese drones to the RSF, Amnesty said."),
    ({("LBY", "MLI")}, "Weapons from Libya are smuggled to jihadists in Mali through Niger."),
    ({("YEM", "SOM")}, "Weapons smuggled from Yemen across the Gulf of Aden end up with "
                       "Al-Shabaab."),
    # where a body sits names its state; a "to" phrase on what describes the goods
    ({("SDN", "SSD")}, "The rifles were supplied to South Sudanese rebels by the government "
                       "in Khartoum."),
    ({("RUS", "PSE")}, "Moscow could hand over Western weapons captured in Ukraine to Hamas."),
    ({("IND", "PHL")}, "Manila signed a contract with India's BrahMos Aerospace for the supply "
                       "of anti-ship missiles to the Philippine Navy."),
    ({("CZE", "UKR")}, "The shells will be bought by the Czech defence ministry and passed on "
                       "to Kyiv."),
    ({("CHN", "SSD")}, "Norinco delivered anti-tank missiles worth $38 million to the SPLA."),
    ({("USA", "SAU")}, "Most of Saudi Arabia's weapons came from the United States, with "
                       "Britain a distant second."),
    ({("FRA", "IND")}, "France sent 28 percent of its arms exports to India."),
    ({("CHN", "PAK")}, "China supplied 77% of Pakistan's arms in the period."),
    ({("FRA", "IND")}, "India was the biggest customer for French weapons."),
    ({("USA", "SAU")}, "Saudi Arabia remains the largest buyer of American weapons."),
    ({("USA", "SAU")}, "Saudi Arabia relies on U.S.-made Patriot batteries."),
    ({("PRK", "RUS")}, "Pyongyang had shipped around 6,700 containers to Russia since "
                       "September, and Russian forces were firing North Korean shells."),
    ({("ISR", "COL")}, "The Kfirs were supplied by Israel in 1989, and Petro suspended arms "
                       "purchases from Israel last year."),
    ({("RUS", "PHL")}, "Russia on Wednesday turned over 5,000 Kalashnikov rifles and a million "
                       "rounds of ammunition to the Philippine military."),
    ({("USA", "EGY")}, "The United States provides Egypt with about $1.3 billion in military "
                       "aid a year."),
    ({("IRN", "PSE")}, "Iran had provided Gaza's militants with the technology to build "
                       "rockets."),
    ({("USA", "PHL")}, "Manila looked elsewhere after the US State Department last November "
                       "halted the planned sale of 26,000 assault rifles to the Philippine "
                       "police."),
    ({("USA", "SAU"), ("USA", "JOR")}, "Washington invoked the law in 2019 to push through "
                                       "$8.1 billion in arms sales to Saudi Arabia and Jordan."),
])
def test_coordination_metonyms_routes_and_re_exports(extractor, pairs, text):
    found = {t[:2] for t in read(extractor, text) if len(t) == 3}
    assert pairs <= found, found


def test_goods_named_before_keep_their_supplier(extractor):
    text = ("Iran has supplied Shahed drones to Russia, Ukraine says. Iranian personnel are "
            "helping Russian crews launch the drones, Kirby told reporters.")
    found = read(extractor, text)
    assert ("USA", "asserts", "IRN", "RUS") in found, found
    found = read(extractor, "Russian crews launched the drones at Kyiv overnight.")
    assert not [t for t in found if len(t) == 3], found


def test_a_deal_promised_for_the_systems_later_delivered_is_that_delivery(extractor):
    text = ("Putin had promised in June to hand Minsk the Iskander-M within months and to "
            "help refit Belarusian Su-25 jets. Iskander systems were transferred to Belarus "
            "by Russia in October.")
    found = read(extractor, text, "2023-12-01")
    assert ("RUS", "BLR", "delivered") in found and ("RUS", "BLR", "agreed") not in found


def test_an_acronym_the_report_defines_overrides_the_same_letters(extractor):
    text = ("Sudan supplied the ammunition to South Sudanese rebels, according to Conflict "
            "Armament Research (CAR). CAR said the rounds were dropped from aircraft.")
    found = read(extractor, text, "2015-06-03")
    assert ("GBR", "asserts", "SDN", "SSD") in found and not any(
        "CAF" in t for t in found), found


def test_a_dateline_is_not_the_subject_of_the_story(extractor):
    text = ("UNITED NATIONS (AP) - A Cuban shipment of jets to North Korea found under sugar "
            "violated U.N. sanctions, a panel of U.N. experts said in a report made public "
            "Tuesday.")
    found = read(extractor, text, "2014-03-12")
    assert ("UN", "asserts", "CUB", "PRK") in found or (
        "un", "asserts", "CUB", "PRK") in found, found


def test_them_is_not_the_subject_of_its_own_clause(extractor):
    text = ("Rwanda dismissed a UN report that says its soldiers have been fighting alongside "
            "M23 rebels in Congo and supplying them with weapons.")
    found = read(extractor, text, "2022-08-05")
    assert ("RWA", "COD", "delivered") in found and ("RWA", "denies", "RWA", "COD") in found


def test_what_a_denial_calls_the_claim_names_no_denier(extractor):
    text = ("Iranian missiles were shipped to the Houthis, a conclusion Tehran swiftly "
            "dismissed as the product of American and Saudi pressure.")
    found = read(extractor, text, "2020-06-12")
    assert ("IRN", "denies", "IRN", "YEM") in found
    assert not {("USA", "denies", "IRN", "YEM"), ("SAU", "denies", "IRN", "YEM")} & found


def test_a_clause_after_which_someone_speaks_reports_its_own_event(extractor):
    text = ("Norinco delivered a consignment of missiles to the SPLA last year, after which "
            "Beijing said it had halted further arms deliveries to South Sudan.")
    extraction = extractor.extract_one(Document(id="t", text=text, published="2015-06-03"))
    sources = {(t.status, c.source) for t in extraction.transfers for c in t.claims}
    assert ("cancelled", "CHN") in sources and ("delivered", "author") in sources, sources
    assert ("delivered", "CHN") not in sources, sources


def test_a_person_who_owns_the_forces_names_their_side(extractor):
    found = read(extractor, "Juba accused Khartoum of arming Riek Machar's forces.", "2015-06-03")
    assert ("SDN", "SSD", "delivered") in found and ("SSD", "asserts", "SDN", "SSD") in found


def test_what_describes_the_speaker_is_the_outlets(extractor):
    text = ("Romania, which operates Patriot batteries bought from the United States, said its "
            "defence council would examine the request.")
    extraction = extractor.extract_one(Document(id="t", text=text, published="2024-04-20"))
    sources = {c.source for t in extraction.transfers for c in t.claims}
    assert sources == {"author"}, sources


def test_the_junta_is_the_one_the_report_named(extractor):
    text = ("Myanmar's military government has found new routes for buying weapons. Prices "
            "rose. The report said firms in Russia and China continued to supply fighter jets "
            "to the junta.")
    found = read(extractor, text, "2024-06-27")
    assert {("RUS", "MMR", "delivered"), ("CHN", "MMR", "delivered")} <= found, found


def test_a_pronoun_denier_is_the_one_who_says_it(extractor):
    text = ("Saudi Arabia buys most of its weapons from the United States, US officials "
            "said. Iran says it has never supplied weapons to the Houthis and has rejected "
            "earlier findings by the panel.")
    extraction = extractor.extract_one(Document(id="t", text=text, published="2020-01-01"))
    deniers = {c.source for t in extraction.transfers for c in t.claims if c.stance == "denies"}
    assert deniers == {"IRN"}, deniers

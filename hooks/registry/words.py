"""Interface words of the registry pages, in Swedish and English: {key: (sv, en)}.

GLOSSARY is the one place where the names of things are spelled: the programme's own forms in
each language (the English ones as Viable Cities writes them on viablecities.se/en/). WORDS and
the hand-written pages use these; FORBIDDEN lists the variants that must not appear on a built
page (tests/test_content.py reads every page in both languages).
"""

from .words_reader import READER_WORDS

GLOSSARY = {
    "programme": ("Klimatneutrala Borlänge 2030", "Climate Neutral Borlänge 2030"),
    "initiative": ("Klimatneutrala städer 2030", "Climate Neutral Cities 2030"),
    "contract": ("Klimatkontrakt 2030", "Climate Contract 2030"),
    "local_contract": ("lokalt klimatkontrakt", "local climate contract"),
    "viable_cities": ("Viable Cities", "Viable Cities"),
    "day": ("European Viable Cities Day", "European Viable Cities Day"),
    "innovation_team": ("innovationsteam", "innovation team"),
    "platform": (
        "plattform för samverkan och medborgarengagemang",
        "platform for collaboration and citizen engagement",
    ),
    "portfolio": ("portfölj med insatser", "portfolio of initiatives"),
    "city": ("stad", "city"),  # Borlänge is one of the cities; never "town"
}

# Variants of the names above, and phrasings of an outside researcher, that a page must not use.
FORBIDDEN = {
    "sv": [
        "vi har inte hittat",
        "har vi inte hittat",
        "vi har bara sett",
        "vår slutsats",
        "vi tror",
        "Klimatneutrala Städer",
        "lägger tid och engagemang",
        "tas om hand av kolsänkor",
        "Under de senaste åren är",
        "tog programmet till",
        "räknar på ett särskilt sätt",
        "invånare den 31 december",
    ],
    "en": [
        "we have not found",
        "we have only seen",
        "our conclusion",
        "we believe",
        "Climate-neutral cities 2030",
        "Climate-neutral Borlänge 2030",
        "Climate neutral Borlänge 2030",
        "Climate neutral cities 2030",
        "Climate City Contract",
        "Klimatneutrala städer 2030",
        "Klimatneutrala Borlänge 2030 project",
        " town",
        "by the latest source",
    ],
}
G = {key: {"sv": sv, "en": en} for key, (sv, en) in GLOSSARY.items()}

WORDS = {
    "partners": ("Parter", "Partners"),
    "initiatives": ("Insatser", "Initiatives"),
    "contracts": ("Klimatkontraktet", "The climate contract"),
    "role": ("Roll", "Role"),
    "roles": ("Roller", "Roles"),
    "type": ("Typ av organisation", "Type of organisation"),
    "website": ("Webbplats", "Website"),
    "joined": ("Med sedan", "Joined"),
    "leads": ("Leder", "Leads"),
    "takes_part_in": ("Deltar i", "Takes part in"),
    "signed": ("Har undertecknat", "Signed"),
    "sources": ("Källor", "Sources"),
    "last_reviewed": ("Senast granskad", "Last reviewed"),
    "suggest_change": ("Föreslå en ändring", "Suggest a change"),
    "status": ("Status", "Status"),
    "category": ("Område", "Area"),
    "lead": ("Leds av", "Led by"),
    "participants": ("Deltagare", "Taking part"),
    "period": ("Period", "Period"),
    "start": ("Start", "Start"),
    "end": ("Slut", "End"),
    "effect": ("Effekt", "Effect"),
    "links": ("Länkar", "Links"),
    "documents": ("Dokument", "Documents"),
    "date": ("Datum", "Date"),
    "kind": ("Typ", "Kind"),
    "signatories": ("Undertecknare", "Signatories"),
    "cities": (f"Städer i {G['initiative']['sv']}", f"Cities in {G['initiative']['en']}"),
    "caveat": ("Observera", "Please note"),
    "all_of": ("alla {n}", "all {n}"),
    "chart_as_table": ("Visa siffrorna som tabell", "Show the figures as a table"),
    "count": ("Antal", "Number"),
    "open_data": ("Öppna data", "Open data"),
    "status_as_of": ("enligt källa från {date}", "according to a source from {date}"),
    # A present-tense status whose source is older than review_months: said in the past tense.
    "was_ongoing": ("Pågick", "Was ongoing"),
    "was_planned": ("Var planerad", "Was planned"),
    "was_paused": ("Var pausad", "Was paused"),
    "then_as_of": ("enligt källan från {date}", "according to the source from {date}"),
    "then_undated": ("källorna anger inte när", "the sources do not say when"),
    "status_then": (
        "Enligt källan från {date} {was} insatsen.",
        "According to the source from {date}, the initiative {was}.",
    ),
    "status_undated": (
        "Källorna beskriver insatsen som {now} men anger inte när.",
        "The sources describe the initiative as {now} but do not say when.",
    ),
    "now_ongoing": ("pågående", "ongoing"),
    "now_planned": ("planerad", "planned"),
    "now_paused": ("pausad", "paused"),
    "outdated_records": (
        "Status i presens utan en källa från de senaste {months} månaderna",
        "Status in the present tense without a source from the last {months} months",
    ),
    "outdated_note": (
        "Sidorna säger de här insatsernas status i dåtid. Leta en nyare källa och uppdatera status och status_as_of.",
        "The pages give these initiatives' status in the past tense. Find a newer source and update "
        "status and status_as_of.",
    ),
    "no_outdated": (
        "Alla insatser som sägs pågå eller vara planerade har en källa från de senaste {months} månaderna.",
        "Every initiative said to be ongoing or planned has a source from the last {months} months.",
    ),
    "status_source": ("Källa för status", "Source of the status"),
    "undated": ("ingen datering", "no date"),
    "target": ("Mål", "Target"),
    "archived": ("arkiverad kopia", "archived copy"),
    "archived_on": ("arkiverad kopia från {date}", "archived copy from {date}"),
    "none_yet": ("Inga ännu.", "None yet."),
    "not_known": ("Okänt", "Not known"),
    "stale": (
        "Uppgifterna har inte granskats på {months} månader eller mer och kan vara inaktuella.",
        "This information has not been reviewed for {months} months or more and may be out of date.",
    ),
    "external": ("(extern webbplats)", "(external website)"),
    "year": ("År", "Year"),
    "sector": ("Sektor", "Sector"),
    "total": ("Totalt", "Total"),
    "unit": ("Enhet", "Unit"),
    "source": ("Källa", "Source"),
    "upstream": ("Ursprunglig källa", "Original source"),
    "scope": ("Vad siffrorna omfattar", "What the figures cover"),
    "emissions_caption": (
        "Borlänges territoriella utsläpp av växthusgaser per sektor ({unit})",
        "Borlänge's territorial greenhouse-gas emissions by sector ({unit})",
    ),
    "fig_partners": ("parter", "partners"),
    "fig_initiatives": ("insatser", "initiatives"),
    "fig_ongoing": (
        "insatser pågick enligt den senaste källan om var och en",
        "initiatives were ongoing according to the latest source on each",
    ),
    "fig_signings": ("händelser i kontraktshistorien sedan {year}", "events in the contract history since {year}"),
    "fig_emissions": ("ton CO₂e år {year}", "tonnes CO₂e in {year}"),
    "fig_change": ("förändring {first}–{last}", "change {first}–{last}"),
    "fig_per_resident": ("ton CO₂e per invånare år {year}", "tonnes CO₂e per resident in {year}"),
    "key_figures": ("Nyckeltal", "Key figures"),
    "contact": ("Kontakt", "Contact"),
    "phone": ("Telefon", "Phone"),
    "stale_records": ("Poster som behöver granskas", "Records due for review"),
    "all_reviewed": (
        "Alla poster är granskade inom {months} månader.",
        "Every record has been reviewed within {months} months.",
    ),
    "record": ("Post", "Record"),
    "registry": ("Register", "Registry"),
    "emissions": ("Utsläpp", "Emissions"),
    # Sweden's population by municipality is official statistics from SCB (Statistiska centralbyrån).
    "per_resident_note": (
        "Det motsvarar {value} ton CO₂e per invånare år {year}, räknat på folkmängden enligt SCB"
        " den {day} ({population}).",
        "That is {value} tonnes CO₂e per resident in {year}, based on the population according to"
        " Statistics Sweden (SCB) on {day} ({population}).",
    ),
    "chart_table_note": ("Samma siffror finns i tabellen nedan.", "The same figures are in the table below."),
    "chart_by_category": ("Insatser per område", "Initiatives by area"),
    "chart_by_status": ("Insatser per status", "Initiatives by status"),
    "chart_by_role": ("Parter per roll", "Partners by role"),
    "chart_by_type": ("Parter per typ av organisation", "Partners by type of organisation"),
    "matrix_note": (
        "Händelser utan kända undertecknare visas inte i tabellen; de finns på tidslinjen ovan.",
        "Events without known signatories are not in the table; they are on the timeline above.",
    ),
    "browse": ("Bläddra bland insatserna", "Browse the initiatives"),
    "by_category": ("Per område", "By area"),
    "by_status": ("Per status", "By status"),
    "filter": ("Filtrera insatserna", "Filter the initiatives"),
    "filter_text": ("Sök i insatserna", "Search the initiatives"),
    "partner_filter": ("Part (leder eller deltar)", "Partner (leads or takes part)"),
    "all": ("Alla", "All"),
    "clear_filter": ("Rensa filtret", "Clear the filter"),
    "results_one": ("1 insats visas", "1 initiative shown"),
    "results_many": ("{n} insatser visas", "{n} initiatives shown"),
    "all_initiatives": ("Alla insatser", "All initiatives"),
    "data_files": ("Filerna", "The files"),
    "datapackage": (
        "beskriver alla filer och fält (Frictionless Data Package)",
        "describes every file and field (Frictionless Data Package)",
    ),
    "catalogue": (
        "datakatalog enligt DCAT-AP-SE, för Sveriges dataportal",
        "data catalogue in DCAT-AP-SE, for Sweden's data portal",
    ),
    "feed": (
        "nyhetsflöde (Atom) med nya och ändrade insatser och kontrakt",
        "news feed (Atom) of new and changed initiatives and contracts",
    ),
    # Charts (charts.py)
    "chart_emissions_title": (
        "Utsläpp av växthusgaser i Borlänge per sektor, {first}–{last}",
        "Greenhouse-gas emissions in Borlänge by sector, {first}–{last}",
    ),
    "chart_emissions_desc": (
        "Staplat stapeldiagram per år och sektor. Utsläppen var totalt {a} ton CO₂e år {first} "
        "och {b} ton CO₂e år {last}, en förändring med {change}.",
        "Stacked bar chart by year and sector. Total emissions were {a} tonnes CO₂e in {first} "
        "and {b} tonnes CO₂e in {last}, a change of {change}.",
    ),
    "chart_axis_unit": ("tusen ton CO₂e", "thousand tonnes CO₂e"),
    "chart_legend": ("Sektorer, uppifrån och ned i staplarna", "Sectors, from the top of each bar down"),
    "chart_partner": ("Part", "Partner"),
    "chart_matrix_caption": ("Vilka parter som undertecknat vad", "Which partners signed what"),
    "chart_signed": ("undertecknade", "signed"),
    "chart_not_signed": ("–", "–"),
    **READER_WORDS,  # the reader's views keep their words apart, in words_reader.py
}

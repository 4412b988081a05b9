"""Interface words of the reader's views (on-track chart, sectors, start page, cards): {key: (sv, en)}.
Kept apart from words.py so that these views can change without touching the other pages' words."""

READER_WORDS = {
    "badge_lead": ("Vi är med i", "We take part in"),
    "badge_programme": ("Klimatneutrala Borlänge 2030", "Climate Neutral Borlänge 2030"),
    "part_heading": ("Det här gör {name}", "What {name} does"),
    "part_leads": ("Leder", "Leads"),
    "part_joins": ("Deltar i", "Takes part in"),
    "part_none": (
        "Registret har ingen insats som {name} leder eller deltar i. En insats hamnar här när "
        "en källa visar att parten leder den eller är med i den.",
        "The registry has no initiative that {name} leads or takes part in. An initiative appears "
        "here when a source shows that the partner leads it or takes part in it.",
    ),
    "signed_none": (
        "Registret har ingen underskrift av {name}. Här står klimatkontrakt och avsiktsförklaringar "
        "som parten har skrivit under, med datum, när en källa visar det.",
        "The registry has no signature by {name}. Contracts and declarations the partner has "
        "signed appear here, with their dates, when a source shows it.",
    ),
    "badge_heading": ("Märket ”Vi är med”", "The “We take part” badge"),
    "badge_intro": (
        "Parten kan visa märket på sin egen webbplats. Det länkar hit, till den här sidan. Kopiera koden:",
        "The partner can show the badge on its own website. It links here, to this page. Copy the code:",
    ),
    "badge_code": ("HTML-kod för märket", "HTML code for the badge"),
    "badge_file": ("Märket som SVG-fil", "The badge as an SVG file"),
    "provenance": ("Källor och granskning", "Sources and review"),
    "status_checked": ("Status enligt källa från {date}.", "Status according to a source from {date}."),
    "empty_category": (
        "Inga insatser i registret hör till området {area} ännu. Här listas insatser inom "
        "området när en källa visar att de görs.",
        "No initiative in the registry belongs to the area {area} yet. Initiatives in the area "
        "are listed here when a source shows they are being done.",
    ),
    "empty_status": (
        "Ingen insats i registret har status {status} just nu. Här listas insatser med den "
        "statusen när en källa anger den.",
        "No initiative in the registry has the status {status} at present. Initiatives with that "
        "status are listed here when a source gives it.",
    ),
    "join_steps": ("Så blir ni en del av arbetet", "How to join"),
    "contact_email": ("E-post", "E-mail"),
    "ontrack_heading": ("Är vi på väg?", "Are we on track?"),
    "ontrack_title": (
        "Borlänges utsläpp {first}–{last}, trenden och Carbon Law-banan till {goal}",
        "Borlänge's emissions {first}–{last}, the trend and the Carbon Law path to {goal}",
    ),
    "ontrack_desc": (
        "Linjediagram. Utsläppen var {last_value} ton CO₂e år {last}. Trenden sedan {cutoff} "
        "ger {trend} ton år {goal}; Carbon Law-banan ger {path} ton år {goal}.",
        "Line chart. Emissions were {last_value} tonnes CO₂e in {last}. The trend since {cutoff} "
        "gives {trend} tonnes in {goal}; the Carbon Law path gives {path} tonnes in {goal}.",
    ),
    "ontrack_reading": (
        "Med nuvarande trend: {trend} t år {goal}; Carbon Law-banan: {path} t.",
        "On the current trend: {trend} t in {goal}; Carbon Law path: {path} t.",
    ),
    "ontrack_verdict_no": ("Nej, inte i dagens takt.", "No, not at today's pace."),
    "ontrack_verdict_yes": ("Ja, i dagens takt.", "Yes, at today's pace."),
    "ontrack_history": ("Utsläpp", "Emissions"),
    "ontrack_trend": ("Trend", "Trend"),
    "ontrack_path": ("Carbon Law", "Carbon Law"),
    "ontrack_goal": ("Mål: klimatneutralt {goal}", "Goal: climate neutral by {goal}"),
    "ontrack_gap": ("prickat: år utan siffror", "dotted: years without figures"),
    "ontrack_caption": ("Utsläpp, trend och Carbon Law-bana ({unit})", "Emissions, trend and Carbon Law path ({unit})"),
    "ontrack_reported": ("Rapporterat", "Reported"),
    "ontrack_path_col": ("Carbon Law-banan", "Carbon Law path"),
    "ontrack_method_title": ("Så räknar vi", "How we calculate"),
    "ontrack_method_trend": (
        "Trenden är en rät linje anpassad med minsta absoluta avvikelser (medianregression) till åren från {cutoff}. "
        "Den flyttas så att den går genom det senast rapporterade året ({last}) och går aldrig under noll. "
        "Den visar vart utsläppen är på väg om de fortsätter som hittills. Den är ingen prognos över planerade insatser.",
        "The trend is a straight line fitted by least absolute deviations (median regression) to the years from {cutoff}. "
        "It is moved to pass through the last reported year ({last}) and never goes below zero. "
        "It shows where emissions are heading if they go on as so far. It is not a forecast of planned actions.",
    ),
    "ontrack_method_path": (
        "Carbon Law-banan minskar utsläppen med 11,72 procent per år från {start}, räknat från värdet {start} "
        "(rapporterat, eller trendens värde om året inte är rapporterat). Det är Klimatkollens tumregel för 1,5 grader.",
        "The Carbon Law path cuts emissions by 11.72 per cent a year from {start}, starting at the {start} value "
        "(reported, or the trend's value where that year is not reported). It is Klimatkollen's rule of thumb for 1.5 °C.",
    ),
    "ontrack_method_goal": (
        "Målet är ett klimatneutralt Borlänge {goal}. Inget dokument anger hur många ton det får vara kvar då, "
        "så diagrammet markerar året, inte en siffra.",
        "The goal is a climate-neutral Borlänge by {goal}. No document says how many tonnes may remain then, "
        "so the chart marks the year, not a figure.",
    ),
    "ontrack_scope": (
        "Linjerna gäller de territoriella utsläppen av alla växthusgaser (CO₂e), alltså även SSAB:s anläggning. "
        "Kommunens koldioxidbudget räknar bara koldioxid och utesluter SSAB, så den är inte den här linjen.",
        "The lines are for territorial emissions of all greenhouse gases (CO₂e), so they include SSAB's plant. "
        "The municipality's carbon budget counts carbon dioxide only and excludes SSAB, so it is not this line.",
    ),
    "ontrack_sources": ("Metodens källor", "Sources of the method"),
    "ontrack_src_trend": (
        "Klimatkollen: trendberäkningen (kod på GitHub)",
        "Klimatkollen: the trend calculation (code on GitHub)",
    ),
    "ontrack_src_guide": ("Klimatkollen: hur trendlinjer beräknas", "Klimatkollen: how trend lines are calculated"),
    "ontrack_src_path": ("Klimatkollen: i linje med Parisavtalet?", "Klimatkollen: in line with the Paris Agreement?"),
    "ontrack_more": ("Så räknar vi, och siffrorna", "How we calculate, and the figures"),
    "thousand_tonnes": ("tusen ton CO₂e", "thousand tonnes CO₂e"),
    "sectors_heading": ("Sektor för sektor", "Sector by sector"),
    "sectors_intro": (
        "Alla diagram har samma skala, så de går att jämföra. Den streckade linjen är sektorns trend sedan {cutoff}.",
        "Every chart has the same scale, so they can be compared. The dashed line is the sector's trend since {cutoff}.",
    ),
    "sectors_table_note": (
        "Siffrorna per sektor och år finns i tabellen ovan.",
        "The figures by sector and year are in the table above.",
    ),
    "sector_title": ("{sector}: utsläpp {first}–{last}", "{sector}: emissions {first}–{last}"),
    "sector_desc": (
        "{value} ton CO₂e år {last}; förändring sedan {since}: {change}. Trend: {slope} ton per år.",
        "{value} tonnes CO₂e in {last}; change since {since}: {change}. Trend: {slope} tonnes a year.",
    ),
    "sector_change": ("{change} sedan {since}", "{change} since {since}"),
    "sector_link": ("Insatser inom {area}", "Initiatives in {area}"),
    "per_year": ("ton per år", "tonnes a year"),
    "chart_joined": ("{name} blev part", "{name} joined"),
    "chart_started": ("{title} startade", "{title} started"),
    "chart_matrix_public": ("Kommun, region och staten", "Municipality, region and state"),
    "chart_matrix_others": ("Företag och andra organisationer", "Companies and other organisations"),
    "chart_scroll_hint": (
        "Tabellen är bredare än skärmen: svep i sidled för att se alla kolumner.",
        "The table is wider than the screen: swipe sideways to see every column.",
    ),
    "latest_events": ("Senaste händelserna", "Latest events"),
    "all_events": ("Alla kontraktshändelser", "All contract events"),
    "partners_strip": ("Parterna", "The partners"),
    "all_partners": ("Alla parter", "All partners"),
    "led_by": ("Leds av {name}", "Led by {name}"),
    "card_counts": (
        "leder {leads} · deltar i {joins} · undertecknat {signed}",
        "leads {leads} · takes part in {joins} · signed {signed}",
    ),
}

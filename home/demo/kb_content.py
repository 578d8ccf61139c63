# ruff: noqa: E501
"""Demo content of the knowledge base, in Spanish with German and English translations.

"El Buen Pastor" in Ciudad Juárez is the shelter named in the pilot's factsheet; the other
organisations are illustrative and their figures are examples, not data.
"""

import datetime

INDEXES = {
    "organisations": {
        "es": (
            "Organizaciones",
            "organizaciones",
            "Las organizaciones de la sociedad civil que forman la red.",
        ),
        "de": (
            "Organisationen",
            "organisationen",
            "Die zivilgesellschaftlichen Organisationen des Netzwerks.",
        ),
        "en": (
            "Organisations",
            "organisations",
            "The civil-society organisations that make up the network.",
        ),
    },
    "practices": {
        "es": (
            "Buenas prácticas",
            "buenas-practicas",
            "Lo que funciona en la (re)integración, contado por quienes lo hacen.",
        ),
        "de": (
            "Gute Praxis",
            "gute-praxis",
            "Was bei der (Re-)Integration funktioniert, erzählt von denen, die es tun.",
        ),
        "en": (
            "Good practices",
            "good-practices",
            "What works in (re)integration, told by those who do it.",
        ),
    },
    "care_models": {
        "es": (
            "Modelos de atención integral",
            "modelos-de-atencion",
            "Cómo acompañamos a una persona paso a paso.",
        ),
        "de": (
            "Integrale Betreuungsmodelle",
            "betreuungsmodelle",
            "Wie wir einen Menschen Schritt für Schritt begleiten.",
        ),
        "en": ("Integral care models", "care-models", "How we accompany a person step by step."),
    },
    "positions": {
        "es": (
            "Posicionamientos",
            "posicionamientos",
            "La voz común de la red ante la política migratoria.",
        ),
        "de": (
            "Positionspapiere",
            "positionspapiere",
            "Die gemeinsame Stimme des Netzwerks zur Migrationspolitik.",
        ),
        "en": (
            "Policy positions",
            "policy-positions",
            "The network's common voice on migration policy.",
        ),
    },
}

# slug: acronym, year joined, website, email, themes, populations, regions, {lang: (name, summary)}
ORGANISATIONS = {
    "el-buen-pastor": (
        "EBP",
        2019,
        "https://example.org/buen-pastor",
        "contacto@buenpastor.example",
        ["housing", "health", "family"],
        ["in-transit", "refugees", "returnees"],
        ["chihuahua"],
        {
            "es": (
                "Albergue El Buen Pastor",
                "Albergue en Ciudad Juárez que recibe a personas migrantes, refugiadas y retornadas.",
            ),
            "de": (
                "Herberge El Buen Pastor",
                "Herberge in Ciudad Juárez, die Migrant*innen, Geflüchtete und Rückkehrende aufnimmt.",
            ),
            "en": (
                "El Buen Pastor shelter",
                "A shelter in Ciudad Juárez that receives migrants, refugees and returnees.",
            ),
        },
    ),
    "casa-frontera-sur": (
        "CFS",
        2019,
        "https://example.org/frontera-sur",
        "info@fronterasur.example",
        ["legal-status", "housing", "protection"],
        ["in-transit", "refugees"],
        ["chiapas", "guatemala", "honduras"],
        {
            "es": (
                "Casa Frontera Sur",
                "Acompaña en Tapachula a quienes cruzan la frontera sur y solicitan asilo.",
            ),
            "de": (
                "Casa Frontera Sur",
                "Begleitet in Tapachula Menschen, die die Südgrenze überqueren und Asyl beantragen.",
            ),
            "en": (
                "Casa Frontera Sur",
                "Accompanies people in Tapachula who cross the southern border and seek asylum.",
            ),
        },
    ),
    "retorno-digno": (
        "CRD",
        2019,
        "https://example.org/retorno-digno",
        "hola@retornodigno.example",
        ["education", "employment", "legal-status"],
        ["returnees"],
        ["cdmx", "usa"],
        {
            "es": (
                "Colectivo Retorno Digno",
                "Personas retornadas que apoyan a otras en la Ciudad de México a rehacer su vida.",
            ),
            "de": (
                "Kollektiv Retorno Digno",
                "Rückkehrende, die anderen in Mexiko-Stadt helfen, ein neues Leben aufzubauen.",
            ),
            "en": (
                "Retorno Digno collective",
                "Returnees helping others rebuild their lives in Mexico City.",
            ),
        },
    ),
    "alianza-occidente": (
        "AO",
        2020,
        "https://example.org/occidente",
        "red@occidente.example",
        ["family", "health", "policy"],
        ["in-transit", "host-communities"],
        ["jalisco", "michoacan"],
        {
            "es": (
                "Alianza Occidente",
                "Red de parroquias y colectivos en Jalisco que acompaña a personas en tránsito.",
            ),
            "de": (
                "Alianza Occidente",
                "Netzwerk von Gemeinden und Kollektiven in Jalisco, das Menschen im Transit begleitet.",
            ),
            "en": (
                "Alianza Occidente",
                "A network of parishes and collectives in Jalisco accompanying people in transit.",
            ),
        },
    ),
    "nuevo-comienzo": (
        "CCNC",
        2020,
        "https://example.org/nuevo-comienzo",
        "info@nuevocomienzo.example",
        ["employment", "entrepreneurship", "housing"],
        ["returnees", "refugees"],
        ["baja-california", "usa", "haiti"],
        {
            "es": (
                "Centro Comunitario Nuevo Comienzo",
                "Centro comunitario en Tijuana con formación para el trabajo y vivienda temporal.",
            ),
            "de": (
                "Gemeinschaftszentrum Nuevo Comienzo",
                "Gemeinschaftszentrum in Tijuana mit Berufsbildung und Übergangswohnen.",
            ),
            "en": (
                "Nuevo Comienzo community centre",
                "A community centre in Tijuana offering vocational training and temporary housing.",
            ),
        },
    ),
    "almi": (
        "ALMI",
        2019,
        "https://example.org/almi",
        "asesoria@almi.example",
        ["legal-status", "justice"],
        ["refugees", "in-transit", "returnees"],
        ["nuevo-leon", "venezuela"],
        {
            "es": (
                "Asesoría Legal Migrante",
                "Asesoría jurídica gratuita en Monterrey: asilo, regularización y documentos.",
            ),
            "de": (
                "Asesoría Legal Migrante",
                "Kostenlose Rechtsberatung in Monterrey: Asyl, Regularisierung und Dokumente.",
            ),
            "en": (
                "Asesoría Legal Migrante",
                "Free legal advice in Monterrey: asylum, regularisation and documents.",
            ),
        },
    ),
    "mujeres-en-movimiento": (
        "MEM",
        2021,
        "https://example.org/mujeres",
        "contacto@mujeres.example",
        ["protection", "health", "family"],
        ["displaced", "in-transit"],
        ["oaxaca", "guerrero", "el-salvador"],
        {
            "es": (
                "Mujeres en Movimiento",
                "Colectiva feminista en Oaxaca que protege a mujeres migrantes y desplazadas.",
            ),
            "de": (
                "Mujeres en Movimiento",
                "Feministisches Kollektiv in Oaxaca, das migrantische und vertriebene Frauen schützt.",
            ),
            "en": (
                "Mujeres en Movimiento",
                "A feminist collective in Oaxaca protecting migrant and displaced women.",
            ),
        },
    ),
    "emprende-retorno": (
        "ER",
        2021,
        "https://example.org/emprende",
        "hola@emprende.example",
        ["entrepreneurship", "employment", "education"],
        ["returnees", "host-communities"],
        ["puebla", "usa"],
        {
            "es": (
                "Emprende Retorno",
                "Incubadora en Puebla para negocios de personas retornadas y sus comunidades.",
            ),
            "de": (
                "Emprende Retorno",
                "Gründungszentrum in Puebla für Unternehmen von Rückkehrenden und ihren Gemeinden.",
            ),
            "en": (
                "Emprende Retorno",
                "An incubator in Puebla for businesses of returnees and their communities.",
            ),
        },
    ),
}

INDICATORS = {
    "people": {
        "es": "Personas atendidas",
        "de": "Betreute Personen",
        "en": "People supported",
        "unit": {"es": "personas", "de": "Personen", "en": "people"},
    },
    "nights": {
        "es": "Noches de albergue",
        "de": "Übernachtungen",
        "en": "Shelter nights",
        "unit": {"es": "noches", "de": "Nächte", "en": "nights"},
    },
    "cases": {
        "es": "Casos resueltos",
        "de": "Gelöste Fälle",
        "en": "Cases resolved",
        "unit": {"es": "%", "de": "%", "en": "%"},
    },
    "jobs": {
        "es": "Personas con empleo a 6 meses",
        "de": "Personen mit Arbeit nach 6 Monaten",
        "en": "People employed after 6 months",
        "unit": {"es": "personas", "de": "Personen", "en": "people"},
    },
    "businesses": {
        "es": "Negocios abiertos",
        "de": "Eröffnete Betriebe",
        "en": "Businesses opened",
        "unit": {"es": "negocios", "de": "Betriebe", "en": "businesses"},
    },
}

# slug: orgs, themes, populations, regions, start, end, people, tags, [(indicator, value, year)],
#       {lang: (title, summary, challenge, approach, lessons, replication)}
PRACTICES = {
    "recepcion-humanitaria-juarez": (
        ["el-buen-pastor"],
        ["housing", "health"],
        ["in-transit", "refugees", "returnees"],
        ["chihuahua"],
        datetime.date(2018, 1, 15),
        None,
        4200,
        ["albergue", "frontera-norte"],
        [("nights", 38000, 2022), ("people", 4200, 2022)],
        {
            "es": (
                "Recepción humanitaria en Ciudad Juárez",
                "El albergue El Buen Pastor recibe a personas migrantes, refugiadas y retornadas con alojamiento, alimentación y primera orientación.",
                "Cada semana llegan a Ciudad Juárez cientos de personas deportadas o en espera de asilo, sin dinero ni contactos.",
                "Un equipo de voluntariado recibe a cada persona, cubre sus necesidades básicas y la refiere a servicios legales y de salud.",
                "La primera conversación decide si la persona vuelve a buscar ayuda: debe ser tranquila y sin prisa.",
                "Un espacio seguro, voluntariado formado y acuerdos con clínicas y asesoría legal cercanas.",
            ),
            "de": (
                "Humanitäre Aufnahme in Ciudad Juárez",
                "Die Herberge El Buen Pastor nimmt Migrant*innen, Geflüchtete und Rückkehrende mit Unterkunft, Verpflegung und Erstberatung auf.",
                "Jede Woche kommen Hunderte abgeschobene oder auf Asyl wartende Menschen ohne Geld und Kontakte nach Ciudad Juárez.",
                "Ein Team von Freiwilligen empfängt jede Person, deckt die Grundbedürfnisse und vermittelt an Rechts- und Gesundheitsdienste.",
                "Das erste Gespräch entscheidet, ob die Person wieder Hilfe sucht: Es muss ruhig und ohne Eile sein.",
                "Ein sicherer Ort, geschulte Freiwillige und Vereinbarungen mit nahen Kliniken und Rechtsberatung.",
            ),
            "en": (
                "Humanitarian reception in Ciudad Juárez",
                "El Buen Pastor shelter receives migrants, refugees and returnees with housing, food and first guidance.",
                "Every week hundreds of deported people or people waiting for asylum arrive in Ciudad Juárez without money or contacts.",
                "A volunteer team welcomes each person, covers basic needs and refers them to legal and health services.",
                "The first conversation decides whether a person seeks help again: it must be calm and unhurried.",
                "A safe place, trained volunteers and agreements with nearby clinics and legal advice.",
            ),
        },
    ),
    "salud-mental-albergue": (
        ["el-buen-pastor", "mujeres-en-movimiento"],
        ["health"],
        ["in-transit", "refugees"],
        ["chihuahua", "oaxaca"],
        datetime.date(2020, 6, 1),
        None,
        850,
        ["salud-mental", "albergue"],
        [("people", 850, 2023)],
        {
            "es": (
                "Primeros auxilios psicológicos en albergues",
                "Sesiones breves de apoyo psicosocial para personas que llegan tras experiencias de violencia.",
                "Muchas personas llegan con miedo, duelo o trauma y no hay psicólogos suficientes.",
                "Formamos a personal de albergues en primeros auxilios psicológicos y abrimos grupos semanales de escucha.",
                "El apoyo entre pares funciona cuando hay supervisión profesional mensual.",
                "Una persona profesional de psicología que supervise y un espacio privado para hablar.",
            ),
            "de": (
                "Psychologische Erste Hilfe in Herbergen",
                "Kurze psychosoziale Unterstützung für Menschen, die nach Gewalterfahrungen ankommen.",
                "Viele kommen mit Angst, Trauer oder Trauma an, und es gibt zu wenige Psycholog*innen.",
                "Wir schulen Herbergspersonal in psychologischer Erster Hilfe und bieten wöchentliche Gesprächsgruppen an.",
                "Peer-Unterstützung funktioniert, wenn es monatliche fachliche Supervision gibt.",
                "Eine Fachkraft für Psychologie zur Supervision und ein geschützter Raum für Gespräche.",
            ),
            "en": (
                "Psychological first aid in shelters",
                "Short psychosocial support sessions for people arriving after experiences of violence.",
                "Many people arrive with fear, grief or trauma and there are not enough psychologists.",
                "We train shelter staff in psychological first aid and run weekly listening groups.",
                "Peer support works when there is monthly professional supervision.",
                "A psychologist to supervise and a private space to talk.",
            ),
        },
    ),
    "asesoria-asilo-tapachula": (
        ["casa-frontera-sur", "almi"],
        ["legal-status", "justice"],
        ["refugees"],
        ["chiapas", "honduras", "guatemala"],
        datetime.date(2019, 3, 1),
        None,
        3100,
        ["asilo", "comar", "frontera-sur"],
        [("people", 3100, 2023), ("cases", 64, 2023)],
        {
            "es": (
                "Acompañamiento en la solicitud de asilo",
                "Asesoría jurídica y acompañamiento a citas para quienes solicitan la condición de refugiado en Tapachula.",
                "Los plazos son cortos y muchas solicitudes se pierden por falta de información.",
                "Talleres diarios sobre el procedimiento, revisión individual de cada caso y acompañamiento a la autoridad.",
                "Explicar el procedimiento en grupo ahorra tiempo para los casos difíciles.",
                "Abogadas y abogados con experiencia en asilo y un registro de casos compartido.",
            ),
            "de": (
                "Begleitung beim Asylantrag",
                "Rechtsberatung und Begleitung zu Terminen für Menschen, die in Tapachula Flüchtlingsschutz beantragen.",
                "Die Fristen sind kurz, und viele Anträge scheitern an fehlender Information.",
                "Tägliche Workshops zum Verfahren, individuelle Prüfung jedes Falls und Begleitung zur Behörde.",
                "Das Verfahren in der Gruppe zu erklären spart Zeit für die schwierigen Fälle.",
                "Jurist*innen mit Asylerfahrung und ein gemeinsames Fallregister.",
            ),
            "en": (
                "Accompaniment through the asylum claim",
                "Legal advice and accompaniment to appointments for people seeking refugee status in Tapachula.",
                "Deadlines are short and many claims are lost for lack of information.",
                "Daily workshops on the procedure, individual review of each case and accompaniment to the authority.",
                "Explaining the procedure in groups saves time for the difficult cases.",
                "Lawyers experienced in asylum and a shared case register.",
            ),
        },
    ),
    "documentos-retorno": (
        ["retorno-digno", "almi"],
        ["legal-status", "education"],
        ["returnees"],
        ["cdmx", "nuevo-leon", "usa"],
        datetime.date(2019, 9, 1),
        None,
        1500,
        ["identidad", "doble-nacionalidad"],
        [("people", 1500, 2023)],
        {
            "es": (
                "Identidad y documentos para personas retornadas",
                "Ayudamos a personas retornadas y a sus hijas e hijos nacidos en Estados Unidos a obtener sus documentos mexicanos.",
                "Sin acta de nacimiento, CURP o identificación no se puede trabajar, estudiar ni abrir una cuenta.",
                "Una ventanilla reúne los trámites de registro civil, doble nacionalidad y apostilla en un solo acompañamiento.",
                "Las escuelas son aliadas: detectan a niñas y niños sin documentos.",
                "Convenio con el registro civil y una persona que dé seguimiento a cada trámite.",
            ),
            "de": (
                "Identität und Dokumente für Rückkehrende",
                "Wir helfen Rückkehrenden und ihren in den USA geborenen Kindern, mexikanische Dokumente zu erhalten.",
                "Ohne Geburtsurkunde, CURP oder Ausweis kann man nicht arbeiten, lernen oder ein Konto eröffnen.",
                "Eine Anlaufstelle bündelt Standesamt, doppelte Staatsangehörigkeit und Apostille in einer Begleitung.",
                "Schulen sind Verbündete: Sie erkennen Kinder ohne Dokumente.",
                "Eine Vereinbarung mit dem Standesamt und eine Person, die jeden Vorgang verfolgt.",
            ),
            "en": (
                "Identity and documents for returnees",
                "We help returnees and their US-born children obtain Mexican documents.",
                "Without a birth certificate, CURP or ID you cannot work, study or open an account.",
                "One desk brings together civil registry, dual nationality and apostille in a single accompaniment.",
                "Schools are allies: they spot children without documents.",
                "An agreement with the civil registry and a person following up on each case.",
            ),
        },
    ),
    "certificacion-competencias": (
        ["retorno-digno", "nuevo-comienzo"],
        ["education", "employment"],
        ["returnees"],
        ["cdmx", "baja-california"],
        datetime.date(2020, 2, 1),
        datetime.date(2023, 12, 31),
        620,
        ["certificacion", "empleo"],
        [("people", 620, 2023), ("jobs", 410, 2023)],
        {
            "es": (
                "Certificar lo que se aprendió en el norte",
                "Las personas retornadas certifican oficialmente habilidades laborales adquiridas en Estados Unidos.",
                "Años de experiencia en construcción, cocina o cuidados no cuentan sin un papel que los acredite.",
                "Evaluamos competencias con centros certificadores y preparamos a cada persona para el examen.",
                "La certificación abre puertas cuando va acompañada de contactos con empresas.",
                "Un centro evaluador reconocido y empresas dispuestas a contratar.",
            ),
            "de": (
                "Im Norden Gelerntes anerkennen lassen",
                "Rückkehrende lassen in den USA erworbene berufliche Fähigkeiten offiziell zertifizieren.",
                "Jahre Erfahrung in Bau, Küche oder Pflege zählen nicht ohne einen Nachweis.",
                "Wir prüfen Kompetenzen mit Zertifizierungsstellen und bereiten jede Person auf die Prüfung vor.",
                "Die Zertifizierung öffnet Türen, wenn sie mit Kontakten zu Unternehmen verbunden ist.",
                "Eine anerkannte Prüfstelle und Unternehmen, die einstellen wollen.",
            ),
            "en": (
                "Certifying what was learned up north",
                "Returnees get skills acquired in the United States officially certified.",
                "Years of experience in construction, cooking or care do not count without a certificate.",
                "We assess skills with certification centres and prepare each person for the exam.",
                "Certification opens doors when it comes with contacts to employers.",
                "A recognised assessment centre and employers willing to hire.",
            ),
        },
    ),
    "bolsa-trabajo-tijuana": (
        ["nuevo-comienzo"],
        ["employment"],
        ["returnees", "refugees"],
        ["baja-california", "haiti"],
        datetime.date(2021, 4, 1),
        None,
        980,
        ["empleo", "empresas"],
        [("jobs", 540, 2023)],
        {
            "es": (
                "Bolsa de trabajo con empresas locales",
                "Vinculamos a personas retornadas y refugiadas con empresas de Tijuana que buscan personal.",
                "Las empresas necesitan personal, pero desconfían de quien no tiene historial laboral en México.",
                "Preparamos a las personas, acompañamos la entrevista y damos seguimiento durante los primeros meses.",
                "El seguimiento después de la contratación reduce la rotación a la mitad.",
                "Una red de empresas comprometidas y una persona de enlace.",
            ),
            "de": (
                "Stellenbörse mit lokalen Unternehmen",
                "Wir vermitteln Rückkehrende und Geflüchtete an Unternehmen in Tijuana, die Personal suchen.",
                "Unternehmen brauchen Personal, misstrauen aber Menschen ohne Arbeitsgeschichte in Mexiko.",
                "Wir bereiten die Menschen vor, begleiten das Vorstellungsgespräch und betreuen die ersten Monate.",
                "Die Begleitung nach der Einstellung halbiert die Fluktuation.",
                "Ein Netz engagierter Unternehmen und eine Ansprechperson.",
            ),
            "en": (
                "Job matching with local employers",
                "We connect returnees and refugees with employers in Tijuana who are hiring.",
                "Employers need staff but distrust people without a work history in Mexico.",
                "We prepare people, accompany the interview and follow up during the first months.",
                "Follow-up after hiring halves staff turnover.",
                "A network of committed employers and a liaison person.",
            ),
        },
    ),
    "incubadora-retorno": (
        ["emprende-retorno"],
        ["entrepreneurship"],
        ["returnees", "host-communities"],
        ["puebla"],
        datetime.date(2021, 1, 10),
        None,
        300,
        ["emprendimiento", "microcredito"],
        [("businesses", 85, 2023), ("people", 300, 2023)],
        {
            "es": (
                "Incubadora de negocios de retorno",
                "Capacitación, capital semilla y mentoría para negocios de personas retornadas y su comunidad.",
                "El ahorro traído del norte se pierde a menudo en negocios sin plan.",
                "Un curso de doce semanas, mentoría de empresarias locales y un fondo revolvente de microcréditos.",
                "Los negocios sobreviven más cuando incluyen a la familia desde el inicio.",
                "Un fondo inicial, mentoras voluntarias y alianza con una cooperativa de ahorro.",
            ),
            "de": (
                "Gründungszentrum für Rückkehrende",
                "Schulung, Startkapital und Mentoring für Unternehmen von Rückkehrenden und ihrer Gemeinde.",
                "Im Norden Erspartes geht oft in Unternehmen ohne Plan verloren.",
                "Ein zwölfwöchiger Kurs, Mentoring durch lokale Unternehmerinnen und ein revolvierender Mikrokreditfonds.",
                "Unternehmen überleben länger, wenn die Familie von Anfang an beteiligt ist.",
                "Ein Anfangsfonds, ehrenamtliche Mentorinnen und eine Partnerschaft mit einer Spargenossenschaft.",
            ),
            "en": (
                "Returnee business incubator",
                "Training, seed capital and mentoring for businesses of returnees and their community.",
                "Savings brought back from the north are often lost in businesses without a plan.",
                "A twelve-week course, mentoring by local businesswomen and a revolving microcredit fund.",
                "Businesses survive longer when the family is involved from the start.",
                "A starting fund, volunteer mentors and a partnership with a savings cooperative.",
            ),
        },
    ),
    "casas-seguras-mujeres": (
        ["mujeres-en-movimiento"],
        ["protection", "housing"],
        ["displaced", "in-transit"],
        ["oaxaca", "guerrero", "el-salvador"],
        datetime.date(2021, 8, 1),
        None,
        260,
        ["violencia-de-genero", "casa-segura"],
        [("people", 260, 2023)],
        {
            "es": (
                "Casas seguras para mujeres",
                "Red de casas seguras y acompañamiento para mujeres migrantes y desplazadas que huyen de la violencia.",
                "Las mujeres en tránsito sufren violencia sexual y no confían en las autoridades.",
                "Una red discreta de casas, acompañamiento jurídico y grupos de apoyo entre mujeres.",
                "La confidencialidad es la base: pocas personas deben saber dónde están las casas.",
                "Protocolos de seguridad, financiamiento estable y abogadas aliadas.",
            ),
            "de": (
                "Schutzhäuser für Frauen",
                "Ein Netz von Schutzhäusern und Begleitung für migrantische und vertriebene Frauen, die vor Gewalt fliehen.",
                "Frauen im Transit erleiden sexualisierte Gewalt und vertrauen den Behörden nicht.",
                "Ein diskretes Netz von Häusern, rechtliche Begleitung und Selbsthilfegruppen unter Frauen.",
                "Vertraulichkeit ist die Grundlage: Nur wenige dürfen wissen, wo die Häuser sind.",
                "Sicherheitsprotokolle, stabile Finanzierung und verbündete Anwältinnen.",
            ),
            "en": (
                "Safe houses for women",
                "A network of safe houses and accompaniment for migrant and displaced women fleeing violence.",
                "Women in transit suffer sexual violence and do not trust the authorities.",
                "A discreet network of houses, legal accompaniment and peer support groups among women.",
                "Confidentiality is the basis: few people may know where the houses are.",
                "Security protocols, stable funding and allied women lawyers.",
            ),
        },
    ),
    "escuela-sin-fronteras": (
        ["alianza-occidente", "retorno-digno"],
        ["education", "family"],
        ["returnees", "in-transit", "host-communities"],
        ["jalisco", "cdmx"],
        datetime.date(2019, 8, 20),
        None,
        700,
        ["escuela", "ninez"],
        [("people", 700, 2022)],
        {
            "es": (
                "Escuela sin fronteras",
                "Acompañamos a niñas y niños migrantes y retornados para que se inscriban y permanezcan en la escuela.",
                "Muchas escuelas piden documentos que las familias migrantes no tienen.",
                "Mediamos con las escuelas, damos clases de español y regularizamos la documentación escolar.",
                "Las maestras y maestros cambian de actitud cuando conocen las historias de las familias.",
                "Conocer la normativa educativa y tener contacto con la autoridad escolar.",
            ),
            "de": (
                "Schule ohne Grenzen",
                "Wir begleiten migrantische und zurückgekehrte Kinder, damit sie eingeschult werden und bleiben.",
                "Viele Schulen verlangen Dokumente, die migrantische Familien nicht haben.",
                "Wir vermitteln mit Schulen, geben Spanischunterricht und regeln die Schulunterlagen.",
                "Lehrkräfte ändern ihre Haltung, wenn sie die Geschichten der Familien kennen.",
                "Kenntnis der Schulvorschriften und Kontakt zur Schulbehörde.",
            ),
            "en": (
                "School without borders",
                "We accompany migrant and returnee children so they enrol and stay in school.",
                "Many schools ask for documents migrant families do not have.",
                "We mediate with schools, teach Spanish and sort out school records.",
                "Teachers change their attitude when they know the families' stories.",
                "Knowing education rules and having contact with the school authority.",
            ),
        },
    ),
    "comedores-comunitarios": (
        ["alianza-occidente"],
        ["family", "housing"],
        ["in-transit", "host-communities"],
        ["jalisco", "michoacan"],
        datetime.date(2017, 5, 1),
        datetime.date(2022, 5, 1),
        12000,
        ["alimentacion", "comunidad"],
        [("people", 12000, 2021)],
        {
            "es": (
                "Comedores comunitarios junto a las vías",
                "Parroquias y vecinas ofrecen comida y descanso a personas que viajan en tren por Jalisco.",
                "Las personas en tránsito pasan días sin comer y los vecinos las veían con miedo.",
                "Comedores atendidos por vecinas y vecinos, con información sobre derechos y rutas seguras.",
                "La comunidad de acogida cambia cuando participa directamente.",
                "Un espacio cerca de la ruta y voluntariado del barrio.",
            ),
            "de": (
                "Gemeinschaftsküchen an den Gleisen",
                "Gemeinden und Nachbarinnen bieten Menschen, die mit dem Zug durch Jalisco reisen, Essen und Rast.",
                "Menschen im Transit hungern tagelang, und die Nachbarschaft begegnete ihnen mit Angst.",
                "Von Nachbar*innen betriebene Küchen mit Informationen über Rechte und sichere Routen.",
                "Die Aufnahmegemeinde verändert sich, wenn sie direkt mitwirkt.",
                "Ein Ort nahe der Route und Freiwillige aus dem Viertel.",
            ),
            "en": (
                "Community kitchens by the tracks",
                "Parishes and neighbours offer food and rest to people travelling by train through Jalisco.",
                "People in transit go days without food and neighbours saw them with fear.",
                "Kitchens run by neighbours, with information on rights and safe routes.",
                "The host community changes when it takes part directly.",
                "A place near the route and volunteers from the neighbourhood.",
            ),
        },
    ),
    "defensoria-comunitaria": (
        ["almi", "casa-frontera-sur"],
        ["justice", "protection"],
        ["in-transit", "refugees"],
        ["nuevo-leon", "chiapas", "venezuela"],
        datetime.date(2022, 3, 1),
        None,
        540,
        ["derechos-humanos", "defensoria"],
        [("cases", 48, 2023)],
        {
            "es": (
                "Defensoría comunitaria de derechos",
                "Personas migrantes formadas como defensoras documentan abusos y acompañan denuncias.",
                "Los abusos de autoridades y particulares casi nunca se denuncian.",
                "Formación de defensoras y defensores, registro de casos y litigio estratégico con abogados aliados.",
                "Quien ha vivido la migración genera confianza que ninguna institución logra.",
                "Formación continua y un sistema seguro de registro de casos.",
            ),
            "de": (
                "Gemeinschaftliche Menschenrechtsverteidigung",
                "Ausgebildete migrantische Verteidiger*innen dokumentieren Übergriffe und begleiten Anzeigen.",
                "Übergriffe von Behörden und Privatpersonen werden fast nie angezeigt.",
                "Ausbildung von Verteidiger*innen, Fallregister und strategische Prozessführung mit verbündeten Anwält*innen.",
                "Wer Migration selbst erlebt hat, schafft Vertrauen, das keine Institution erreicht.",
                "Kontinuierliche Ausbildung und ein sicheres Fallregister.",
            ),
            "en": (
                "Community rights defenders",
                "Migrants trained as defenders document abuses and accompany complaints.",
                "Abuses by authorities and private actors are almost never reported.",
                "Training of defenders, case register and strategic litigation with allied lawyers.",
                "People who lived migration build trust no institution can.",
                "Ongoing training and a secure case register.",
            ),
        },
    ),
    "retorno-familias": (
        ["retorno-digno", "emprende-retorno"],
        ["family", "health"],
        ["returnees", "host-communities"],
        ["puebla", "cdmx", "usa"],
        datetime.date(2022, 9, 1),
        None,
        410,
        ["familias", "reunificacion"],
        [("people", 410, 2023)],
        {
            "es": (
                "Familias que regresan juntas",
                "Acompañamiento a familias retornadas para reconstruir vínculos con su comunidad de origen.",
                "El retorno divide familias y las comunidades no siempre reciben bien a quienes vuelven.",
                "Visitas domiciliarias, círculos de diálogo comunitario y apoyo psicológico familiar.",
                "Los círculos de diálogo reducen el estigma hacia las personas retornadas.",
                "Facilitadoras locales y espacios comunitarios.",
            ),
            "de": (
                "Familien, die gemeinsam zurückkehren",
                "Begleitung zurückgekehrter Familien beim Wiederaufbau der Bindungen zu ihrer Herkunftsgemeinde.",
                "Die Rückkehr trennt Familien, und Gemeinden nehmen Zurückkehrende nicht immer gut auf.",
                "Hausbesuche, Dialogkreise in der Gemeinde und psychologische Familienunterstützung.",
                "Dialogkreise verringern die Stigmatisierung von Rückkehrenden.",
                "Lokale Moderatorinnen und Gemeinschaftsräume.",
            ),
            "en": (
                "Families returning together",
                "Accompanying returnee families to rebuild ties with their home community.",
                "Return splits families and communities do not always welcome those who come back.",
                "Home visits, community dialogue circles and family psychological support.",
                "Dialogue circles reduce stigma against returnees.",
                "Local facilitators and community spaces.",
            ),
        },
    ),
}

PHASE_TEXT = {
    "reception": {
        "es": ("Recepción", "Primer contacto, necesidades urgentes y confianza."),
        "de": ("Aufnahme", "Erstkontakt, dringende Bedürfnisse und Vertrauen."),
        "en": ("Reception", "First contact, urgent needs and trust."),
    },
    "assessment": {
        "es": (
            "Valoración",
            "Entrevista sobre situación jurídica, salud, familia y proyecto de vida.",
        ),
        "de": (
            "Bedarfsanalyse",
            "Gespräch über Rechtslage, Gesundheit, Familie und Lebensplanung.",
        ),
        "en": ("Assessment", "Interview on legal situation, health, family and life plans."),
    },
    "plan": {
        "es": (
            "Plan de (re)integración",
            "Un plan acordado con la persona, con metas y responsables.",
        ),
        "de": (
            "(Re-)Integrationsplan",
            "Ein mit der Person vereinbarter Plan mit Zielen und Zuständigkeiten.",
        ),
        "en": (
            "(Re)integration plan",
            "A plan agreed with the person, with goals and responsibilities.",
        ),
    },
    "accompaniment": {
        "es": ("Acompañamiento", "Servicios y canalización según el plan."),
        "de": ("Begleitung", "Leistungen und Weitervermittlung nach Plan."),
        "en": ("Accompaniment", "Services and referrals according to the plan."),
    },
    "follow-up": {
        "es": ("Seguimiento y cierre", "Revisión de metas y cierre acordado."),
        "de": ("Nachverfolgung und Abschluss", "Überprüfung der Ziele und vereinbarter Abschluss."),
        "en": ("Follow-up and closure", "Review of goals and agreed closure."),
    },
}
SERVICES = {
    "shelter": {
        "es": "Alojamiento y alimentación",
        "de": "Unterkunft und Verpflegung",
        "en": "Housing and food",
    },
    "first-aid": {
        "es": "Primeros auxilios psicológicos",
        "de": "Psychologische Erste Hilfe",
        "en": "Psychological first aid",
    },
    "legal": {"es": "Asesoría jurídica", "de": "Rechtsberatung", "en": "Legal advice"},
    "documents": {
        "es": "Trámite de documentos",
        "de": "Beschaffung von Dokumenten",
        "en": "Obtaining documents",
    },
    "training": {
        "es": "Formación para el trabajo",
        "de": "Berufsbildung",
        "en": "Vocational training",
    },
    "job": {"es": "Vinculación laboral", "de": "Arbeitsvermittlung", "en": "Job matching"},
    "visits": {"es": "Visitas de seguimiento", "de": "Folgebesuche", "en": "Follow-up visits"},
}
DURATIONS = {
    "days": {"es": "1 a 3 días", "de": "1 bis 3 Tage", "en": "1 to 3 days"},
    "week": {"es": "1 semana", "de": "1 Woche", "en": "1 week"},
    "months": {"es": "3 a 6 meses", "de": "3 bis 6 Monate", "en": "3 to 6 months"},
}
ACTORS = {
    "team": {
        "es": "Equipo de la organización",
        "de": "Team der Organisation",
        "en": "The organisation's team",
    },
    "lawyer": {"es": "Abogada o abogado", "de": "Anwält*in", "en": "Lawyer"},
}
REFERRALS = [
    "COMAR",
    "DIF",
    "IMSS",
    "Registro Civil",
    "ACNUR",
    "OIM",
    "Servicio Nacional de Empleo",
]

# slug: orgs, themes, populations, regions, year, tags, phases [(phase, services, actor, duration, referrals)],
#       {lang: (title, summary, purpose, serves, eligibility)}
CARE_MODELS = {
    "modelo-juarez": (
        ["el-buen-pastor"],
        ["housing", "health", "legal-status"],
        ["in-transit", "refugees", "returnees"],
        ["chihuahua"],
        2018,
        ["albergue"],
        [
            ("reception", ["shelter", "first-aid"], "team", "days", ["DIF"]),
            ("assessment", ["legal"], "lawyer", "week", ["COMAR"]),
            ("plan", [], "team", "week", []),
            (
                "accompaniment",
                ["documents", "job"],
                "team",
                "months",
                ["IMSS", "Servicio Nacional de Empleo"],
            ),
            ("follow-up", ["visits"], "team", "months", []),
        ],
        {
            "es": (
                "Modelo de atención integral de la frontera norte",
                "Cómo El Buen Pastor acompaña a una persona desde su llegada a Ciudad Juárez hasta su integración.",
                "Que cada persona que llega al albergue salga con un plan y una red de apoyo.",
                "Personas migrantes, refugiadas y retornadas que llegan a Ciudad Juárez.",
                "Cualquier persona mayor de edad o familia que lo solicite; niñas y niños no acompañados se canalizan al DIF.",
            ),
            "de": (
                "Integrales Betreuungsmodell der Nordgrenze",
                "Wie El Buen Pastor einen Menschen von der Ankunft in Ciudad Juárez bis zur Integration begleitet.",
                "Dass jede Person, die in die Herberge kommt, mit einem Plan und einem Unterstützungsnetz weitergeht.",
                "Migrant*innen, Geflüchtete und Rückkehrende, die in Ciudad Juárez ankommen.",
                "Jede volljährige Person oder Familie, die es wünscht; unbegleitete Kinder werden an das DIF vermittelt.",
            ),
            "en": (
                "Northern border integral care model",
                "How El Buen Pastor accompanies a person from arrival in Ciudad Juárez to integration.",
                "That everyone who arrives at the shelter leaves with a plan and a support network.",
                "Migrants, refugees and returnees arriving in Ciudad Juárez.",
                "Any adult or family who asks; unaccompanied children are referred to DIF.",
            ),
        },
    ),
    "modelo-retorno": (
        ["retorno-digno", "emprende-retorno", "nuevo-comienzo"],
        ["employment", "education", "legal-status"],
        ["returnees"],
        ["cdmx", "puebla", "baja-california"],
        2020,
        ["retorno", "empleo"],
        [
            ("reception", ["first-aid"], "team", "days", []),
            ("assessment", ["documents"], "team", "week", ["Registro Civil"]),
            ("plan", [], "team", "week", []),
            (
                "accompaniment",
                ["training", "job"],
                "team",
                "months",
                ["Servicio Nacional de Empleo"],
            ),
            ("follow-up", ["visits"], "team", "months", []),
        ],
        {
            "es": (
                "Modelo de (re)integración para personas retornadas",
                "Un recorrido de seis meses para que las personas retornadas recuperen documentos, trabajo y comunidad.",
                "Convertir el retorno en un nuevo comienzo con trabajo digno.",
                "Personas mexicanas deportadas o que regresan por decisión propia, y sus familias.",
                "Haber regresado en los últimos dos años.",
            ),
            "de": (
                "(Re-)Integrationsmodell für Rückkehrende",
                "Ein sechsmonatiger Weg, auf dem Rückkehrende Dokumente, Arbeit und Gemeinschaft zurückgewinnen.",
                "Die Rückkehr in einen Neuanfang mit würdiger Arbeit verwandeln.",
                "Abgeschobene oder freiwillig zurückkehrende Mexikaner*innen und ihre Familien.",
                "Rückkehr innerhalb der letzten zwei Jahre.",
            ),
            "en": (
                "(Re)integration model for returnees",
                "A six-month path for returnees to regain documents, work and community.",
                "Turning return into a new start with decent work.",
                "Mexicans who were deported or came back by choice, and their families.",
                "Having returned within the last two years.",
            ),
        },
    ),
    "modelo-proteccion": (
        ["mujeres-en-movimiento", "casa-frontera-sur"],
        ["protection", "justice", "health"],
        ["displaced", "refugees"],
        ["oaxaca", "chiapas"],
        2021,
        ["violencia-de-genero"],
        [
            ("reception", ["shelter", "first-aid"], "team", "days", []),
            ("assessment", ["legal"], "lawyer", "week", ["COMAR", "ACNUR"]),
            ("accompaniment", ["legal", "documents"], "lawyer", "months", ["OIM"]),
            ("follow-up", ["visits"], "team", "months", []),
        ],
        {
            "es": (
                "Modelo de protección para mujeres",
                "Protección, justicia y sanación para mujeres migrantes y desplazadas que sobrevivieron violencia.",
                "Que las mujeres estén seguras, conozcan sus derechos y decidan su camino.",
                "Mujeres migrantes, refugiadas y desplazadas, con sus hijas e hijos.",
                "Mujeres en riesgo por violencia; la atención es confidencial.",
            ),
            "de": (
                "Schutzmodell für Frauen",
                "Schutz, Gerechtigkeit und Heilung für migrantische und vertriebene Frauen, die Gewalt überlebt haben.",
                "Dass Frauen sicher sind, ihre Rechte kennen und ihren Weg selbst bestimmen.",
                "Migrantische, geflüchtete und vertriebene Frauen mit ihren Kindern.",
                "Frauen, die durch Gewalt gefährdet sind; die Betreuung ist vertraulich.",
            ),
            "en": (
                "Protection model for women",
                "Protection, justice and healing for migrant and displaced women who survived violence.",
                "That women are safe, know their rights and choose their own path.",
                "Migrant, refugee and displaced women, with their children.",
                "Women at risk of violence; support is confidential.",
            ),
        },
    ),
}

# slug: endorsing orgs, themes, populations, regions, status, date, tags, related practices,
#       {lang: (title, summary, context, [(recommendation, addressee)])}
POSITIONS = {
    "acceso-asilo": (
        ["casa-frontera-sur", "almi", "el-buen-pastor", "mujeres-en-movimiento"],
        ["legal-status", "policy"],
        ["refugees"],
        ["chiapas", "chihuahua"],
        "adopted",
        datetime.date(2022, 6, 20),
        ["asilo", "comar"],
        ["asesoria-asilo-tapachula", "defensoria-comunitaria"],
        {
            "es": (
                "Acceso efectivo al asilo en México",
                "La red pide plazos justos, información clara y más oficinas para solicitar asilo.",
                "Hasta 500,000 personas al año cruzan la frontera sur de México; muchas necesitan protección internacional y no logran solicitarla.",
                [
                    (
                        "Ampliar el plazo para solicitar la condición de refugiado.",
                        "Congreso de la Unión",
                    ),
                    (
                        "Abrir oficinas de atención en las ciudades de frontera norte.",
                        "Comisión Mexicana de Ayuda a Refugiados",
                    ),
                    (
                        "Informar en varios idiomas sobre el procedimiento.",
                        "Instituto Nacional de Migración",
                    ),
                ],
            ),
            "de": (
                "Wirksamer Zugang zu Asyl in Mexiko",
                "Das Netzwerk fordert faire Fristen, klare Informationen und mehr Büros für Asylanträge.",
                "Jährlich passieren bis zu 500.000 Menschen die Südgrenze Mexikos; viele brauchen internationalen Schutz und können ihn nicht beantragen.",
                [
                    (
                        "Die Frist für den Antrag auf Flüchtlingsschutz verlängern.",
                        "Kongress der Union",
                    ),
                    (
                        "Anlaufstellen in den Städten der Nordgrenze eröffnen.",
                        "Mexikanische Flüchtlingshilfekommission",
                    ),
                    (
                        "In mehreren Sprachen über das Verfahren informieren.",
                        "Nationales Migrationsinstitut",
                    ),
                ],
            ),
            "en": (
                "Effective access to asylum in Mexico",
                "The network calls for fair deadlines, clear information and more offices to claim asylum.",
                "Up to 500,000 people a year cross Mexico's southern border; many need international protection and cannot claim it.",
                [
                    ("Extend the deadline to apply for refugee status.", "Congress of the Union"),
                    (
                        "Open offices in the northern border cities.",
                        "Mexican Commission for Refugee Aid",
                    ),
                    (
                        "Inform about the procedure in several languages.",
                        "National Migration Institute",
                    ),
                ],
            ),
        },
    ),
    "reintegracion-retornados": (
        ["retorno-digno", "emprende-retorno", "nuevo-comienzo", "almi", "alianza-occidente"],
        ["employment", "education", "policy"],
        ["returnees"],
        ["cdmx", "puebla", "baja-california"],
        "adopted",
        datetime.date(2019, 11, 5),
        ["retorno", "empleo"],
        ["documentos-retorno", "certificacion-competencias", "incubadora-retorno"],
        {
            "es": (
                "Una política nacional de (re)integración",
                "Propuestas para que las personas retornadas tengan documentos, trabajo y reconocimiento de sus saberes.",
                "Tras el taller internacional en la Ciudad de México sobre los nuevos retos de la política migratoria mexicana (25 y 26 de octubre de 2018), la red acordó este posicionamiento.",
                [
                    (
                        "Reconocer oficialmente las competencias adquiridas en el extranjero.",
                        "Secretaría de Educación Pública",
                    ),
                    (
                        "Emitir documentos de identidad en el punto de retorno.",
                        "Secretaría de Gobernación",
                    ),
                    (
                        "Crear un programa de empleo para personas retornadas.",
                        "Secretaría del Trabajo y Previsión Social",
                    ),
                ],
            ),
            "de": (
                "Eine nationale (Re-)Integrationspolitik",
                "Vorschläge, damit Rückkehrende Dokumente, Arbeit und Anerkennung ihrer Kompetenzen erhalten.",
                "Nach dem internationalen Workshop in Mexiko-Stadt zu den neuen Herausforderungen der mexikanischen Migrationspolitik (25.–26. Oktober 2018) hat das Netzwerk dieses Positionspapier beschlossen.",
                [
                    (
                        "Im Ausland erworbene Kompetenzen offiziell anerkennen.",
                        "Bildungsministerium",
                    ),
                    ("Ausweisdokumente am Rückkehrort ausstellen.", "Innenministerium"),
                    ("Ein Beschäftigungsprogramm für Rückkehrende schaffen.", "Arbeitsministerium"),
                ],
            ),
            "en": (
                "A national (re)integration policy",
                "Proposals so that returnees get documents, work and recognition of their skills.",
                "After the international workshop in Mexico City on the new challenges of Mexican migration policy (25–26 October 2018), the network agreed this position.",
                [
                    (
                        "Officially recognise skills acquired abroad.",
                        "Ministry of Public Education",
                    ),
                    (
                        "Issue identity documents at the point of return.",
                        "Ministry of the Interior",
                    ),
                    (
                        "Create an employment programme for returnees.",
                        "Ministry of Labour and Social Welfare",
                    ),
                ],
            ),
        },
    ),
    "flujos-mixtos-local": (
        ["alianza-occidente", "mujeres-en-movimiento"],
        ["policy", "family", "protection"],
        ["in-transit", "host-communities"],
        ["jalisco", "oaxaca"],
        "consultation",
        None,
        ["flujos-mixtos", "municipios"],
        ["comedores-comunitarios", "casas-seguras-mujeres"],
        {
            "es": (
                "Flujos migratorios mixtos a nivel local",
                "Borrador en consulta: qué pueden hacer los municipios ante la llegada de personas en tránsito.",
                "Los municipios reciben flujos mixtos sin presupuesto ni protocolos.",
                [
                    ("Crear mesas municipales de atención a la movilidad humana.", "Ayuntamientos"),
                    ("Destinar presupuesto a albergues y comedores.", "Congresos estatales"),
                ],
            ),
            "de": (
                "Gemischte Migrationsbewegungen auf lokaler Ebene",
                "Entwurf in Konsultation: Was Gemeinden tun können, wenn Menschen im Transit ankommen.",
                "Gemeinden nehmen gemischte Migrationsbewegungen ohne Budget und Verfahren auf.",
                [
                    (
                        "Kommunale Runde Tische zur menschlichen Mobilität einrichten.",
                        "Stadtverwaltungen",
                    ),
                    ("Mittel für Herbergen und Küchen bereitstellen.", "Landesparlamente"),
                ],
            ),
            "en": (
                "Mixed migration flows at local level",
                "Draft in consultation: what municipalities can do when people in transit arrive.",
                "Municipalities receive mixed flows without budget or protocols.",
                [
                    ("Create municipal round tables on human mobility.", "Municipal councils"),
                    ("Allocate budget to shelters and kitchens.", "State congresses"),
                ],
            ),
        },
    ),
}

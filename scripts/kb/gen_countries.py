#!/usr/bin/env python3
"""One-off generator for assets/kb/countries.toml (never run at build time).

Usage:
    pip install pycountry          # tested with pycountry 26.2.16
    python3 scripts/kb/gen_countries.py [OUT]   # default: assets/kb/countries.toml

ISO codes and the ISO 3166 short/official/common names come from pycountry.
Everything news-specific (label, extra aliases, demonyms, capital, metonyms,
other cities, executive, UN status) is hand-curated in CURATED below; edit it there and
re-run, do not hand-edit the TOML. Output is deterministic (sorted by iso3,
lists in curated order, exact duplicates removed).

Conventions used in CURATED:
  * `metonyms` lists metonyms *besides* the capital; the capital is added first
    automatically unless `ambiguous_capital=True` (capital is an ordinary word,
    a common personal name or shared with other places: Malé, Victoria,
    Kingston, Georgetown, San José, Santiago, Tripoli, Sofia, Nassau, ...).
  * Demonyms ending in -an, -i, -er, -ot or -ar get an automatic plural
    (+s) unless listed in NO_PLURAL; other plurals are written explicitly.
  * pycountry names containing a comma or parentheses ("Korea, Republic of",
    "Holy See (Vatican City State)") are not news English and are skipped;
    a leading "the " is stripped; `drop` removes specific pycountry strings.
  * Matching in relmap is accent-insensitive and uses deunicode, so plain
    ASCII spellings of accented names and typographic apostrophes are not
    listed separately, except where the brief asked for them (Turkiye).
"""

import sys
import unicodedata
from pathlib import Path

import pycountry

S = "head_of_state"
G = "head_of_government"

UN_MEMBERS = """
AFG ALB DZA AND AGO ATG ARG ARM AUS AUT AZE BHS BHR BGD BRB BLR BEL BLZ BEN BTN
BOL BIH BWA BRA BRN BGR BFA BDI CPV KHM CMR CAN CAF TCD CHL CHN COL COM COG CRI
CIV HRV CUB CYP CZE PRK COD DNK DJI DMA DOM ECU EGY SLV GNQ ERI EST SWZ ETH FJI
FIN FRA GAB GMB GEO DEU GHA GRC GRD GTM GIN GNB GUY HTI HND HUN ISL IND IDN IRN
IRQ IRL ISR ITA JAM JPN JOR KAZ KEN KIR KWT KGZ LAO LVA LBN LSO LBR LBY LIE LTU
LUX MDG MWI MYS MDV MLI MLT MHL MRT MUS MEX FSM MCO MNG MNE MAR MOZ MMR NAM NRU
NPL NLD NZL NIC NER NGA MKD NOR OMN PAK PLW PAN PNG PRY PER PHL POL PRT QAT KOR
MDA ROU RUS RWA KNA LCA VCT WSM SMR STP SAU SEN SRB SYC SLE SGP SVK SVN SLB SOM
ZAF SSD ESP LKA SDN SUR SWE CHE SYR TJK THA TLS TGO TON TTO TUN TUR TKM TUV UGA
UKR ARE GBR TZA USA URY UZB VUT VEN VNM YEM ZMB ZWE
""".split()
UN_OBSERVERS = {"VAT", "PSE"}
# Also states in free association with New Zealand, members of the Pacific Islands Forum.
NON_UN = {"XKX", "TWN", "COK", "NIU"}

# Codes pycountry does not have (Kosovo's XK/XKX are user-assigned codes).
EXTRA_CODES = {"XKX": "XK"}

NO_PLURAL = {"I-Kiribati", "Emaswati"}


# Other cities (never the state itself, only a place in it: "arrived in Shanghai").
# Only cities no other place, person or word shares; venues and small towns are left out.
CITIES = {
    "AFG": ["Kandahar", "Herat", "Mazar-i-Sharif"],
    "ARE": ["Dubai", "Sharjah", "Ras Al Khaimah"],
    "ARM": ["Gyumri"],
    "AUS": ["Sydney", "Melbourne", "Brisbane", "Adelaide", "Perth"],
    "AUT": ["Salzburg"],
    "AZE": ["Ganja", "Shusha"],
    "BEL": ["Antwerp"],
    "BRA": ["Rio de Janeiro", "São Paulo", "Sao Paulo", "Belém", "Belem", "Salvador da Bahia", "Manaus", "Recife", "Fortaleza", "Porto Alegre", "Curitiba"],
    "CAN": ["Toronto", "Montreal", "Vancouver", "Calgary", "Quebec City", "Halifax", "Winnipeg", "Edmonton", "Kananaskis", "Charlevoix"],
    "CHE": ["Geneva", "Zurich", "Davos", "Lausanne", "Lucerne"],
    "CHN": ["Shanghai", "Guangzhou", "Shenzhen", "Hangzhou", "Tianjin", "Xi'an", "Chengdu", "Wuhan", "Xiamen", "Qingdao", "Dalian", "Boao", "Chongqing", "Nanjing", "Urumqi", "Lhasa", "Harbin", "Kunming", "Suzhou"],
    "COD": ["Goma", "Lubumbashi"],
    "COK": ["Rarotonga"],
    "COL": ["Medellín", "Medellin"],
    "DEU": ["Munich", "Hamburg", "Frankfurt", "Cologne", "Ramstein", "Düsseldorf", "Dusseldorf", "Stuttgart", "Dresden", "Leipzig", "Meseberg"],
    "EGY": ["Sharm el-Sheikh", "Sharm El-Sheikh", "Sharm el Sheikh", "El Alamein", "Alexandria", "Luxor", "Aswan"],
    "ESP": ["Barcelona", "Seville", "Granada"],
    "FRA": ["Marseille", "Lyon", "Strasbourg", "Brégançon", "Bregancon", "Versailles", "Bordeaux", "Toulouse", "Lille", "Biarritz"],
    "GBR": ["Edinburgh", "Manchester", "Glasgow", "Belfast", "Balmoral", "Liverpool", "Cardiff", "Chequers"],
    "GEO": ["Batumi"],
    "GRC": ["Thessaloniki"],
    "IDN": ["Bali", "Surabaya", "Nusa Dua"],
    "IND": ["Mumbai", "Kolkata", "Chennai", "Bengaluru", "Bangalore", "Hyderabad", "Ahmedabad", "Varanasi", "Gandhinagar", "Srinagar", "Pune", "Goa", "Jaipur", "Lucknow", "Amritsar", "Agra"],
    "IRN": ["Isfahan", "Mashhad", "Tabriz", "Shiraz", "Qom", "Bandar Abbas"],
    "IRQ": ["Erbil", "Basra", "Mosul", "Najaf"],
    "ISR": ["Haifa"],
    "ITA": ["Milan", "Naples", "Venice", "Florence", "Turin", "Bari", "Borgo Egnazia", "Apulia", "Sicily", "Genoa", "Bologna", "Palermo"],
    "JOR": ["Aqaba"],
    "JPN": ["Osaka", "Hiroshima", "Kyoto", "Nagasaki", "Yokohama", "Sapporo", "Nagoya", "Fukuoka", "Kobe", "Okinawa"],
    "KAZ": ["Almaty"],
    "KEN": ["Mombasa"],
    "KOR": ["Busan", "Incheon", "Daegu", "Gyeongju", "Jeju"],
    "LBY": ["Benghazi", "Misrata"],
    "MAR": ["Casablanca", "Marrakesh", "Marrakech", "Tangier"],
    "MEX": ["Monterrey", "Guadalajara", "Cancun", "Cancún"],
    "MYS": ["Penang", "Putrajaya"],
    "NGA": ["Lagos"],
    "NLD": ["Rotterdam", "The Hague"],
    "NZL": ["Auckland"],
    "PAK": ["Karachi", "Lahore", "Rawalpindi", "Peshawar", "Quetta", "Gwadar"],
    "PER": ["Cusco"],
    "PHL": ["Davao"],
    "POL": ["Krakow", "Kraków", "Rzeszow", "Rzeszów", "Gdansk", "Gdańsk", "Wroclaw", "Wrocław", "Poznan", "Poznań"],
    "PRK": ["Wonsan", "Kaesong"],
    "QAT": ["Lusail"],
    "RUS": ["St Petersburg", "St. Petersburg", "Saint Petersburg", "Kazan", "Sochi", "Vladivostok", "Novosibirsk", "Yekaterinburg", "Murmansk", "Kaliningrad", "Rostov-on-Don", "Nizhny Novgorod", "Krasnodar"],
    "SAU": ["Jeddah", "Jiddah", "Mecca", "Dhahran", "Neom", "NEOM", "AlUla", "Al-Ula"],
    "SDN": ["Port Sudan", "Omdurman"],
    "SRB": ["Novi Sad"],
    "SYR": ["Aleppo", "Latakia"],
    "THA": ["Chiang Mai", "Phuket"],
    "TUR": ["Istanbul", "Izmir", "Antalya", "Bodrum", "Gaziantep", "Adana"],
    "UKR": ["Kharkiv", "Kharkov", "Odesa", "Odessa", "Lviv", "Dnipro", "Zaporizhzhia", "Mykolaiv", "Kherson", "Chernihiv", "Sumy", "Bucha", "Irpin", "Poltava", "Zhytomyr", "Vinnytsia", "Uzhhorod"],
    "USA": ["New York", "New York City", "Los Angeles", "San Francisco", "Chicago", "Houston", "Miami", "Seattle", "Boston", "Atlanta", "Anchorage", "Palm Beach", "Philadelphia", "Honolulu", "Atlanta, Georgia", "Savannah, Georgia", "Alaska", "Florida", "California", "Texas", "Hawaii", "Camp David", "Mar-a-Lago", "Wilmington", "Delaware", "Dallas", "Denver", "Las Vegas", "San Diego", "Detroit", "Pittsburgh", "New Orleans", "Oval Office"],
    "UZB": ["Samarkand", "Bukhara", "Khiva"],
    "VNM": ["Ho Chi Minh City", "Da Nang"],
    "YEM": ["Aden", "Hodeidah"],
    "ZAF": ["Johannesburg", "Cape Town", "Durban"],
}


def E(name, demonyms, capital, executive, aliases=(), metonyms=(),
      ambiguous_capital=False, drop=(), note=None):
    return dict(name=name, aliases=list(aliases), demonyms=list(demonyms),
                capital=capital, metonyms=list(metonyms), executive=executive,
                ambiguous_capital=ambiguous_capital, drop=set(drop), note=note)


CURATED = {
    "AFG": E("Afghanistan", ["Afghan"], "Kabul", S,
             aliases=["Islamic Emirate of Afghanistan"],
             note="Taliban government; head_of_state = the Supreme Leader."),
    "AGO": E("Angola", ["Angolan"], "Luanda", S),
    "ALB": E("Albania", ["Albanian"], "Tirana", G, metonyms=["Tiranë"]),
    "AND": E("Andorra", ["Andorran"], "Andorra la Vella", G),
    "ARE": E("United Arab Emirates", ["Emirati"], "Abu Dhabi", S,
             aliases=["UAE", "U.A.E.", "Emirates"]),
    "ARG": E("Argentina", ["Argentine", "Argentines", "Argentinian"], "Buenos Aires", S,
             metonyms=["Casa Rosada"]),
    "ARM": E("Armenia", ["Armenian"], "Yerevan", G),
    "ATG": E("Antigua and Barbuda", ["Antiguan", "Barbudan"], "St. John's", G,
             aliases=["Antigua"], ambiguous_capital=True),
    "AUS": E("Australia", ["Australian"], "Canberra", G,
             aliases=["Commonwealth of Australia"]),
    "AUT": E("Austria", ["Austrian"], "Vienna", G),
    "AZE": E("Azerbaijan", ["Azerbaijani", "Azeri"], "Baku", S),
    "BDI": E("Burundi", ["Burundian"], "Gitega", S, metonyms=["Bujumbura"]),
    "BEL": E("Belgium", ["Belgian"], "Brussels", G, ambiguous_capital=True,
             note="Brussels deliberately not a metonym: in news it means the EU."),
    "BEN": E("Benin", ["Beninese"], "Porto-Novo", S, metonyms=["Cotonou"]),
    "BFA": E("Burkina Faso", ["Burkinabe"], "Ouagadougou", S,
             aliases=["Burkina"]),
    "BGD": E("Bangladesh", ["Bangladeshi"], "Dhaka", G),
    "BGR": E("Bulgaria", ["Bulgarian"], "Sofia", G, ambiguous_capital=True,
             note="Sofia omitted from metonyms: common first name."),
    "BHR": E("Bahrain", ["Bahraini"], "Manama", S),
    "BHS": E("Bahamas", ["Bahamian"], "Nassau", G, aliases=["The Bahamas"],
             ambiguous_capital=True),
    "BIH": E("Bosnia and Herzegovina", ["Bosnian", "Herzegovinian"], "Sarajevo", S,
             aliases=["Bosnia-Herzegovina", "Bosnia"],
             drop=["Republic of Bosnia and Herzegovina"],
             note="Collective three-member Presidency; head_of_state chosen."),
    "BLR": E("Belarus", ["Belarusian", "Belarussian"], "Minsk", S),
    "BLZ": E("Belize", ["Belizean"], "Belmopan", G),
    "BOL": E("Bolivia", ["Bolivian"], "Sucre", S, ambiguous_capital=True,
             metonyms=["La Paz"],
             note="Sucre is the constitutional capital; La Paz the seat of government."),
    "BRA": E("Brazil", ["Brazilian"], "Brasília", S, metonyms=["Planalto Palace"]),
    "BRB": E("Barbados", ["Barbadian", "Bajan"], "Bridgetown", G),
    "BRN": E("Brunei", ["Bruneian"], "Bandar Seri Begawan", S,
             aliases=["Nation of Brunei"]),
    "BTN": E("Bhutan", ["Bhutanese"], "Thimphu", G),
    "BWA": E("Botswana", ["Motswana", "Batswana", "Botswanan"], "Gaborone", S),
    "CAF": E("Central African Republic", [], "Bangui", S,
             note="No demonym: 'Central African' also names the region."),
    "CAN": E("Canada", ["Canadian"], "Ottawa", G),
    "CHE": E("Switzerland", ["Swiss"], "Bern", S, metonyms=["Berne"],
             note="Collegial Federal Council; head_of_state = President of the Confederation."),
    "CHL": E("Chile", ["Chilean"], "Santiago", S, ambiguous_capital=True,
             metonyms=["La Moneda"]),
    "CHN": E("China", ["Chinese"], "Beijing", S,
             aliases=["PRC", "mainland China"], metonyms=["Zhongnanhai"]),
    "CIV": E("Côte d'Ivoire", ["Ivorian"], "Yamoussoukro", S,
             aliases=["Ivory Coast"], metonyms=["Abidjan"],
             note="Yamoussoukro is the official capital; Abidjan the seat of government."),
    "CMR": E("Cameroon", ["Cameroonian"], "Yaoundé", S),
    "COK": E("Cook Islands", ["Cook Islander"], "Avarua", G,
             note="Self-governing in free association with New Zealand; a Pacific Islands Forum member."),
    "COD": E("Democratic Republic of the Congo", ["Congolese"], "Kinshasa", S,
             aliases=["Democratic Republic of Congo", "DRC", "DR Congo", "D.R. Congo",
                      "Congo-Kinshasa", "Congo"],
             note="Bare 'Congo' and 'Congolese' assigned here (news usage), not to COG."),
    "COG": E("Republic of the Congo", [], "Brazzaville", S,
             aliases=["Republic of Congo", "Congo Republic", "Congo-Brazzaville"],
             drop=["Congo"]),
    "COL": E("Colombia", ["Colombian"], "Bogotá", S, metonyms=["Casa de Nariño"]),
    "COM": E("Comoros", ["Comorian"], "Moroni", S),
    "CPV": E("Cape Verde", ["Cape Verdean"], "Praia", G, aliases=["Cabo Verde"]),
    "CRI": E("Costa Rica", ["Costa Rican"], "San José", S, ambiguous_capital=True),
    "CUB": E("Cuba", ["Cuban"], "Havana", S),
    "CYP": E("Cyprus", ["Cypriot"], "Nicosia", S),
    "CZE": E("Czech Republic", ["Czech", "Czechs"], "Prague", G, aliases=["Czechia"]),
    "DEU": E("Germany", ["German"], "Berlin", G),
    "DJI": E("Djibouti", ["Djiboutian"], "Djibouti", S),
    "DMA": E("Dominica", [], "Roseau", G,
             note="'Dominican' assigned to DOM only."),
    "DNK": E("Denmark", ["Danish", "Danes"], "Copenhagen", G),
    "DOM": E("Dominican Republic", ["Dominican"], "Santo Domingo", S),
    "DZA": E("Algeria", ["Algerian"], "Algiers", S),
    "ECU": E("Ecuador", ["Ecuadorian", "Ecuadorean"], "Quito", S),
    "EGY": E("Egypt", ["Egyptian"], "Cairo", S),
    "ERI": E("Eritrea", ["Eritrean"], "Asmara", S),
    "ESP": E("Spain", ["Spanish", "Spaniard", "Spaniards"], "Madrid", G,
             metonyms=["Moncloa"]),
    "EST": E("Estonia", ["Estonian"], "Tallinn", G),
    "ETH": E("Ethiopia", ["Ethiopian"], "Addis Ababa", G),
    "FIN": E("Finland", ["Finnish", "Finns"], "Helsinki", G),
    "FJI": E("Fiji", ["Fijian"], "Suva", G),
    "FRA": E("France", ["French"], "Paris", S,
             metonyms=["Élysée", "the Élysée", "Élysée Palace", "Quai d'Orsay"]),
    "FSM": E("Micronesia", ["Micronesian"], "Palikir", S),
    "GAB": E("Gabon", ["Gabonese"], "Libreville", S),
    "GBR": E("United Kingdom", ["British", "Briton", "Britons"], "London", G,
             aliases=["UK", "U.K.", "Britain", "Great Britain"],
             metonyms=["Downing Street", "Whitehall"]),
    "GEO": E("Georgia", ["Georgian"], "Tbilisi", G),
    "GHA": E("Ghana", ["Ghanaian"], "Accra", S),
    "GIN": E("Guinea", ["Guinean"], "Conakry", S, aliases=["Guinea-Conakry"]),
    "GMB": E("Gambia", ["Gambian"], "Banjul", S, aliases=["The Gambia"]),
    "GNB": E("Guinea-Bissau", ["Bissau-Guinean"], "Bissau", S),
    "GNQ": E("Equatorial Guinea", ["Equatorial Guinean", "Equatoguinean"], "Malabo", S),
    "GRC": E("Greece", ["Greek", "Greeks"], "Athens", G),
    "GRD": E("Grenada", ["Grenadian"], "St. George's", G, ambiguous_capital=True),
    "GTM": E("Guatemala", ["Guatemalan"], "Guatemala City", S),
    "GUY": E("Guyana", ["Guyanese"], "Georgetown", S, ambiguous_capital=True),
    "HND": E("Honduras", ["Honduran"], "Tegucigalpa", S),
    "HRV": E("Croatia", ["Croatian", "Croats"], "Zagreb", G),
    "HTI": E("Haiti", ["Haitian"], "Port-au-Prince", G,
             note="No elected president; the transitional executive is led by the Prime Minister."),
    "HUN": E("Hungary", ["Hungarian"], "Budapest", G),
    "IDN": E("Indonesia", ["Indonesian"], "Jakarta", S),
    "IND": E("India", ["Indian"], "New Delhi", G, aliases=["Bharat"],
             metonyms=["Delhi"]),
    "IRL": E("Ireland", ["Irish"], "Dublin", G, aliases=["Republic of Ireland"]),
    "IRN": E("Iran", ["Iranian"], "Tehran", S, metonyms=["Teheran"],
             note="head_of_state here means the elected President, not the Supreme Leader."),
    "IRQ": E("Iraq", ["Iraqi"], "Baghdad", G),
    "ISL": E("Iceland", ["Icelandic", "Icelander"], "Reykjavík", G),
    "ISR": E("Israel", ["Israeli"], "Jerusalem", G, metonyms=["Tel Aviv"],
             note="Capital as designated by Israel; its status is disputed and most embassies are in Tel Aviv."),
    "ITA": E("Italy", ["Italian"], "Rome", G, metonyms=["Palazzo Chigi"]),
    "JAM": E("Jamaica", ["Jamaican"], "Kingston", G, ambiguous_capital=True),
    "JOR": E("Jordan", ["Jordanian"], "Amman", S),
    "JPN": E("Japan", ["Japanese"], "Tokyo", G),
    "KAZ": E("Kazakhstan", ["Kazakh", "Kazakhs", "Kazakhstani"], "Astana", S,
             metonyms=["Nur-Sultan", "Akorda"]),
    "KEN": E("Kenya", ["Kenyan"], "Nairobi", S),
    "KGZ": E("Kyrgyzstan", ["Kyrgyz", "Kyrgyzstani"], "Bishkek", S),
    "KHM": E("Cambodia", ["Cambodian"], "Phnom Penh", G),
    "KIR": E("Kiribati", ["I-Kiribati"], "South Tarawa", S, metonyms=["Tarawa"]),
    "KNA": E("Saint Kitts and Nevis", ["Kittitian", "Nevisian"], "Basseterre", G,
             aliases=["St Kitts and Nevis", "St. Kitts and Nevis"]),
    "KOR": E("South Korea", ["South Korean"], "Seoul", S,
             aliases=["Republic of Korea", "ROK"],
             note="Bare 'Korea'/'Korean' deliberately omitted (ambiguous North/South)."),
    "KWT": E("Kuwait", ["Kuwaiti"], "Kuwait City", S),
    "LAO": E("Laos", ["Lao", "Laotian"], "Vientiane", S, aliases=["Lao PDR"]),
    "LBN": E("Lebanon", ["Lebanese"], "Beirut", G,
             note="Taif system: executive power lies with the Council of Ministers, so head_of_government."),
    "LBR": E("Liberia", ["Liberian"], "Monrovia", S),
    "LBY": E("Libya", ["Libyan"], "Tripoli", G, aliases=["State of Libya"],
             ambiguous_capital=True,
             note="Divided; the Tripoli Prime Minister is usually 'Libya's leader'. Tripoli (also in Lebanon) not a metonym."),
    "LCA": E("Saint Lucia", ["Saint Lucian"], "Castries", G,
             aliases=["St Lucia", "St. Lucia"]),
    "LIE": E("Liechtenstein", ["Liechtensteiner"], "Vaduz", G),
    "LKA": E("Sri Lanka", ["Sri Lankan"], "Sri Jayawardenepura Kotte", S,
             metonyms=["Colombo"]),
    "LSO": E("Lesotho", ["Basotho", "Mosotho"], "Maseru", G),
    "LTU": E("Lithuania", ["Lithuanian"], "Vilnius", S,
             note="Semi-presidential; the President leads foreign policy and sits on the European Council."),
    "LUX": E("Luxembourg", ["Luxembourger", "Luxembourgish"], "Luxembourg", G),
    "LVA": E("Latvia", ["Latvian"], "Riga", G),
    "MAR": E("Morocco", ["Moroccan"], "Rabat", S),
    "MCO": E("Monaco", ["Monegasque"], "Monaco", S),
    "MDA": E("Moldova", ["Moldovan"], "Chișinău", S,
             note="Parliamentary on paper, but the President leads foreign policy in practice."),
    "MDG": E("Madagascar", ["Malagasy"], "Antananarivo", S),
    "MDV": E("Maldives", ["Maldivian"], "Malé", S, ambiguous_capital=True,
             note="Malé omitted: accent-insensitive matching would hit 'Male'."),
    "MEX": E("Mexico", ["Mexican"], "Mexico City", S),
    "MHL": E("Marshall Islands", ["Marshallese"], "Majuro", S),
    "MKD": E("North Macedonia", ["North Macedonian", "Macedonian"], "Skopje", G,
             aliases=["Macedonia", "Former Yugoslav Republic of Macedonia", "FYROM"]),
    "MLI": E("Mali", ["Malian"], "Bamako", S),
    "MLT": E("Malta", ["Maltese"], "Valletta", G),
    "MMR": E("Myanmar", ["Burmese"], "Naypyidaw", S,
             aliases=["Burma", "Republic of the Union of Myanmar"],
             metonyms=["Naypyitaw", "Nay Pyi Taw"], drop=["Republic of Myanmar"]),
    "MNE": E("Montenegro", ["Montenegrin"], "Podgorica", G),
    "MNG": E("Mongolia", ["Mongolian"], "Ulaanbaatar", S, metonyms=["Ulan Bator"]),
    "MOZ": E("Mozambique", ["Mozambican"], "Maputo", S),
    "MRT": E("Mauritania", ["Mauritanian"], "Nouakchott", S),
    "MUS": E("Mauritius", ["Mauritian"], "Port Louis", G),
    "MWI": E("Malawi", ["Malawian"], "Lilongwe", S),
    "MYS": E("Malaysia", ["Malaysian"], "Kuala Lumpur", G, metonyms=["Putrajaya"]),
    "NAM": E("Namibia", ["Namibian"], "Windhoek", S),
    "NER": E("Niger", ["Nigerien", "Nigeriens"], "Niamey", S,
             aliases=["Republic of Niger"]),
    "NGA": E("Nigeria", ["Nigerian"], "Abuja", S),
    "NIC": E("Nicaragua", ["Nicaraguan"], "Managua", S),
    "NLD": E("Netherlands", ["Dutch"], "Amsterdam", G,
             note="The Hague (seat of government) omitted: in news it mostly means the ICC/ICJ."),
    "NOR": E("Norway", ["Norwegian"], "Oslo", G),
    "NPL": E("Nepal", ["Nepali", "Nepalese"], "Kathmandu", G),
    "NRU": E("Nauru", ["Nauruan"], "Yaren", S),
    "NZL": E("New Zealand", ["New Zealander"], "Wellington", G),
    "OMN": E("Oman", ["Omani"], "Muscat", S),
    "PAK": E("Pakistan", ["Pakistani"], "Islamabad", G),
    "PAN": E("Panama", ["Panamanian"], "Panama City", S),
    "PER": E("Peru", ["Peruvian"], "Lima", S),
    "PHL": E("Philippines", ["Filipino", "Filipinos", "Philippine"], "Manila", S,
             metonyms=["Malacañang"]),
    "PLW": E("Palau", ["Palauan"], "Ngerulmud", S),
    "PNG": E("Papua New Guinea", ["Papua New Guinean"], "Port Moresby", G),
    "POL": E("Poland", ["Polish", "Poles"], "Warsaw", G),
    "PRK": E("North Korea", ["North Korean"], "Pyongyang", S,
             aliases=["DPRK", "D.P.R.K."]),
    "PRT": E("Portugal", ["Portuguese"], "Lisbon", G),
    "PRY": E("Paraguay", ["Paraguayan"], "Asunción", S),
    "PSE": E("Palestine", ["Palestinian"], "Ramallah", S,
             aliases=["Palestinian territories", "Occupied Palestinian Territory",
                      "Occupied Palestinian Territories"],
             metonyms=["Palestinian Authority"],
             note="Capital given as Ramallah, the seat of the Palestinian Authority; the State of Palestine claims East Jerusalem."),
    "QAT": E("Qatar", ["Qatari"], "Doha", S),
    "ROU": E("Romania", ["Romanian"], "Bucharest", S,
             note="Semi-presidential; the President sits on the European Council."),
    "RUS": E("Russia", ["Russian"], "Moscow", S,
             metonyms=["the Kremlin", "Kremlin"]),
    "RWA": E("Rwanda", ["Rwandan", "Rwandese"], "Kigali", S),
    "SAU": E("Saudi Arabia", ["Saudi", "Saudi Arabian"], "Riyadh", S,
             aliases=["KSA"],
             note="head_of_state = the King, although Crown Prince Mohammed bin Salman is Prime Minister and de facto ruler."),
    "SDN": E("Sudan", ["Sudanese"], "Khartoum", S, metonyms=["Port Sudan"],
             note="Army-led government sits in Port Sudan during the war."),
    "SEN": E("Senegal", ["Senegalese"], "Dakar", S),
    "SGP": E("Singapore", ["Singaporean"], "Singapore", G),
    "SLB": E("Solomon Islands", ["Solomon Islander"], "Honiara", G),
    "SLE": E("Sierra Leone", ["Sierra Leonean"], "Freetown", S),
    "SLV": E("El Salvador", ["Salvadoran", "Salvadorean"], "San Salvador", S),
    "SMR": E("San Marino", ["Sammarinese"], "San Marino", S,
             note="Two Captains Regent jointly head the state."),
    "SOM": E("Somalia", ["Somali"], "Mogadishu", S, metonyms=["Villa Somalia"]),
    "SRB": E("Serbia", ["Serbian", "Serbs"], "Belgrade", S,
             note="Parliamentary on paper, but the President dominates."),
    "SSD": E("South Sudan", ["South Sudanese"], "Juba", S),
    "STP": E("São Tomé and Príncipe", ["Santomean", "São Toméan"], "São Tomé", G,
             aliases=["Democratic Republic of São Tomé and Príncipe"]),
    "SUR": E("Suriname", ["Surinamese"], "Paramaribo", S, aliases=["Surinam"]),
    "SVK": E("Slovakia", ["Slovak", "Slovaks", "Slovakian"], "Bratislava", G),
    "SVN": E("Slovenia", ["Slovenian", "Slovene", "Slovenes"], "Ljubljana", G),
    "SWE": E("Sweden", ["Swedish", "Swedes"], "Stockholm", G),
    "SWZ": E("Eswatini", ["Swazi", "Emaswati"], "Mbabane", S,
             aliases=["Swaziland"], metonyms=["Lobamba"]),
    "SYC": E("Seychelles", ["Seychellois"], "Victoria", S, ambiguous_capital=True),
    "SYR": E("Syria", ["Syrian"], "Damascus", S),
    "TCD": E("Chad", ["Chadian"], "N'Djamena", S, metonyms=["Ndjamena"]),
    "TGO": E("Togo", ["Togolese"], "Lomé", G,
             note="2024 constitution: executive power lies with the President of the Council of Ministers."),
    "THA": E("Thailand", ["Thai"], "Bangkok", G),
    "TJK": E("Tajikistan", ["Tajik", "Tajiks", "Tajikistani"], "Dushanbe", S),
    "TKM": E("Turkmenistan", ["Turkmen", "Turkmenistani"], "Ashgabat", S,
             metonyms=["Ashkhabad"]),
    "TLS": E("East Timor", ["Timorese", "East Timorese"], "Dili", G,
             aliases=["Timor-Leste"]),
    "TON": E("Tonga", ["Tongan"], "Nukuʻalofa", G, metonyms=["Nuku'alofa"]),
    "TTO": E("Trinidad and Tobago", ["Trinidadian", "Tobagonian"], "Port of Spain", G,
             metonyms=["Port-of-Spain"]),
    "TUN": E("Tunisia", ["Tunisian"], "Tunis", S),
    "TUR": E("Turkey", ["Turkish", "Turk", "Turks"], "Ankara", S,
             aliases=["Türkiye", "Turkiye", "Republic of Turkey"]),
    "NIU": E("Niue", ["Niuean"], "Alofi", G,
             note="Self-governing in free association with New Zealand; a Pacific Islands Forum member."),
    "TUV": E("Tuvalu", ["Tuvaluan"], "Funafuti", G),
    "TWN": E("Taiwan", ["Taiwanese"], "Taipei", S,
             aliases=["Republic of China", "Chinese Taipei"],
             drop=["Taiwan, Province of China"]),
    "TZA": E("Tanzania", ["Tanzanian"], "Dodoma", S, metonyms=["Dar es Salaam"]),
    "UGA": E("Uganda", ["Ugandan"], "Kampala", S),
    "UKR": E("Ukraine", ["Ukrainian"], "Kyiv", S, metonyms=["Kiev"]),
    "URY": E("Uruguay", ["Uruguayan"], "Montevideo", S,
             aliases=["Oriental Republic of Uruguay"]),
    "USA": E("United States", ["American"], "Washington, D.C.", S,
             aliases=["US", "U.S.", "USA", "U.S.A.", "America"],
             metonyms=["Washington", "the White House", "White House"]),
    "UZB": E("Uzbekistan", ["Uzbek", "Uzbeks", "Uzbekistani"], "Tashkent", S),
    "VAT": E("Vatican City", [], "Vatican City", S,
             aliases=["Holy See", "Vatican", "Vatican City State"],
             note="UN observer state (as the Holy See); head_of_state = the Pope."),
    "VCT": E("Saint Vincent and the Grenadines", ["Vincentian"], "Kingstown", G,
             aliases=["St Vincent and the Grenadines", "St. Vincent and the Grenadines"]),
    "VEN": E("Venezuela", ["Venezuelan"], "Caracas", S, metonyms=["Miraflores Palace"]),
    "VNM": E("Vietnam", ["Vietnamese"], "Hanoi", S,
             aliases=["Socialist Republic of Vietnam"],
             note="The Communist Party General Secretary, not a state office, is the top leader."),
    "VUT": E("Vanuatu", ["Ni-Vanuatu", "Vanuatuan"], "Port Vila", G),
    "WSM": E("Samoa", ["Samoan"], "Apia", G),
    "XKX": E("Kosovo", ["Kosovar", "Kosovan"], "Pristina", G,
             aliases=["Republic of Kosovo"], metonyms=["Prishtina", "Prishtinë"]),
    "YEM": E("Yemen", ["Yemeni"], "Sanaa", S, metonyms=["Sana'a"],
             note="Sanaa is held by the Houthis; head_of_state = chair of the Presidential Leadership Council (Aden)."),
    "ZAF": E("South Africa", ["South African"], "Pretoria", S),
    "ZMB": E("Zambia", ["Zambian"], "Lusaka", S),
    "ZWE": E("Zimbabwe", ["Zimbabwean"], "Harare", S),
}


def plurals(demonyms):
    out = []
    for d in demonyms:
        out.append(d)
        if d not in NO_PLURAL and d.endswith(("an", "i", "er", "ot", "ar")):
            out.append(d + "s")
    return out


def pycountry_names(iso3):
    c = pycountry.countries.get(alpha_3=iso3)
    if c is None:
        return None, []
    names = []
    for attr in ("name", "official_name", "common_name"):
        v = getattr(c, attr, None)
        if not v:
            continue
        if v.startswith("the "):
            v = v[4:]
        if "," in v or "(" in v:
            continue
        names.append(v)
    return c.alpha_2, names


def dedupe(seq, exclude=()):
    seen = set(exclude)
    out = []
    for s in seq:
        s = s.strip()
        if s and s not in seen:
            seen.add(s)
            out.append(s)
    return out


def build():
    members = set(UN_MEMBERS)
    assert len(members) == 193, len(members)
    expected = members | UN_OBSERVERS | NON_UN
    assert set(CURATED) == expected, set(CURATED) ^ expected
    rows = []
    for iso3 in sorted(CURATED):
        cur = CURATED[iso3]
        iso2, iso_names = pycountry_names(iso3)
        if iso2 is None:
            iso2 = EXTRA_CODES[iso3]
        name = cur["name"]
        # pycountry strings that differ from a curated one only by accents
        # or case (Sao Tome / São Tomé) add nothing to relmap's matching.
        known = {norm(x) for x in [name] + cur["aliases"]}
        extra = [n for n in iso_names if n not in cur["drop"] and norm(n) not in known]
        aliases = dedupe(cur["aliases"] + extra, exclude=[name])
        metonyms = ([] if cur["ambiguous_capital"] else [cur["capital"]]) + cur["metonyms"]
        metonyms = dedupe(metonyms, exclude=[name] + aliases)
        cities = dedupe(CITIES.get(iso3, []), exclude=[name] + aliases + metonyms)
        status = ("member" if iso3 in members
                  else "observer" if iso3 in UN_OBSERVERS else "none")
        rows.append(dict(iso2=iso2, iso3=iso3, name=name, aliases=aliases,
                         demonyms=dedupe(plurals(cur["demonyms"])),
                         capital=cur["capital"], metonyms=metonyms, cities=cities,
                         executive=cur["executive"], un_status=status,
                         note=cur["note"]))
    return rows


def q(s):
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def qlist(xs):
    return "[" + ", ".join(q(x) for x in xs) + "]"


def render(rows):
    out = [
        "# Countries known to relmap: the 193 UN member states, the two UN observer",
        "# states (Holy See, Palestine), Kosovo and Taiwan. Sorted by iso3.",
        "# GENERATED by scripts/kb/gen_countries.py (pycountry + hand-curated data):",
        "# edit the script and re-run it rather than editing this file.",
        "",
    ]
    for r in rows:
        if r["note"]:
            out.append("# " + r["note"])
        out.append("[[country]]")
        out.append(f"iso2 = {q(r['iso2'])}")
        out.append(f"iso3 = {q(r['iso3'])}")
        out.append(f"name = {q(r['name'])}")
        out.append(f"aliases = {qlist(r['aliases'])}")
        out.append(f"demonyms = {qlist(r['demonyms'])}")
        out.append(f"capital = {q(r['capital'])}")
        out.append(f"metonyms = {qlist(r['metonyms'])}")
        if r["cities"]:
            out.append(f"cities = {qlist(r['cities'])}")
        out.append(f"executive = {q(r['executive'])}")
        out.append(f"un_status = {q(r['un_status'])}")
        out.append("")
    return "\n".join(out)


def norm(s):
    """Approximation of relmap's accent- and case-insensitive comparison."""
    s = s.replace("\u2019", "'").replace("\u02bb", "'")
    s = unicodedata.normalize("NFKD", s)
    return "".join(ch for ch in s if not unicodedata.combining(ch)).casefold()


def check(rows):
    owner = {}
    problems = []
    for r in rows:
        strings = [r["name"], r["capital"]] + r["aliases"] + r["demonyms"] + r["metonyms"] + r["cities"]
        for s in strings:
            if not s or s != s.strip():
                problems.append(f"{r['iso3']}: empty/untrimmed {s!r}")
        for s in set(norm(x) for x in [r["name"]] + r["aliases"] + r["demonyms"] + r["metonyms"] + r["cities"]):
            if s in owner and owner[s] != r["iso3"]:
                problems.append(f"collision {s!r}: {owner[s]} / {r['iso3']}")
            owner[s] = r["iso3"]
    for key in ("iso2", "iso3"):
        vals = [r[key] for r in rows]
        if len(vals) != len(set(vals)):
            problems.append(f"duplicate {key}")
    return problems


def main():
    root = Path(__file__).resolve().parents[2]
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else root / "assets/kb/countries.toml"
    rows = build()
    problems = check(rows)
    if problems:
        sys.exit("\n".join(problems))
    out.write_text(render(rows), encoding="utf-8")
    print(f"wrote {len(rows)} countries to {out}")


if __name__ == "__main__":
    main()

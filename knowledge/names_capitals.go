package knowledge

// moreCities adds to cityTable the capitals and seats of government it
// lacks, written "City|Country" as there, so that a dateline or a venue in
// them tells whose readout or meeting it is ("Muscat, 3 June", "in Suva
// today"). Capitals that are also common given names or surnames
// ("Victoria", "Kingston") are left out: a name must not read as a place;
// so is Brussels, whose readouts are mostly the European Union's.
const moreCities = `Tirana|Albania
Algiers|Algeria
Luanda|Angola
Nassau|Bahamas
Manama|Bahrain
Bridgetown|Barbados
Belmopan|Belize
Cotonou|Benin
Porto-Novo|Benin
Thimphu|Bhutan
La Paz|Bolivia
Sarajevo|Bosnia and Herzegovina
Gaborone|Botswana
Bandar Seri Begawan|Brunei
Ouagadougou|Burkina Faso
Gitega|Burundi
Bujumbura|Burundi
Praia|Cape Verde
Yaounde|Cameroon
Yaoundé|Cameroon
Bangui|Central African Republic
N'Djamena|Chad
Kinshasa|Congo
Brazzaville|Congo
Yamoussoukro|Côte d'Ivoire
Abidjan|Côte d'Ivoire
Santo Domingo|Dominican Republic
Dili|Timor-Leste
Quito|Ecuador
San Salvador|El Salvador
Malabo|Equatorial Guinea
Asmara|Eritrea
Mbabane|Eswatini
Suva|Fiji
Libreville|Gabon
Banjul|Gambia
Guatemala City|Guatemala
Conakry|Guinea
Bissau|Guinea-Bissau
Port-au-Prince|Haiti
Tegucigalpa|Honduras
Reykjavík|Iceland
Tarawa|Kiribati
Pristina|Kosovo
Kuwait City|Kuwait
Bishkek|Kyrgyzstan
Beirut|Lebanon
Maseru|Lesotho
Monrovia|Liberia
Tripoli|Libya
Vaduz|Liechtenstein
Antananarivo|Madagascar
Lilongwe|Malawi
Bamako|Mali
Majuro|Marshall Islands
Nouakchott|Mauritania
Port Louis|Mauritius
Palikir|Micronesia
Chișinău|Moldova
Podgorica|Montenegro
Rabat|Morocco
Maputo|Mozambique
Windhoek|Namibia
Managua|Nicaragua
Niamey|Niger
Skopje|North Macedonia
Muscat|Oman
Koror|Palau
Ngerulmud|Palau
Ramallah|Palestine
Panama City|Panama
Port Moresby|Papua New Guinea
Asuncion|Paraguay
Asunción|Paraguay
Castries|Saint Lucia
Apia|Samoa
Freetown|Sierra Leone
Bratislava|Slovakia
Ljubljana|Slovenia
Honiara|Solomon Islands
Mogadishu|Somalia
Juba|South Sudan
Khartoum|Sudan
Paramaribo|Suriname
Damascus|Syria
Dushanbe|Tajikistan
Lome|Togo
Lomé|Togo
Nuku'alofa|Tonga
Port of Spain|Trinidad and Tobago
Tunis|Tunisia
Ashgabat|Turkmenistan
Funafuti|Tuvalu
Montevideo|Uruguay
Port Vila|Vanuatu
Sanaa|Yemen
Sana'a|Yemen
Lusaka|Zambia
Harare|Zimbabwe
Dubai|United Arab Emirates
Jeddah|Saudi Arabia`

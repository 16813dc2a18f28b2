// Chatham Islands: UTC+12:45 / +13:45, a zone where local-date mistakes change the day.
process.env.TZ = "Pacific/Chatham";

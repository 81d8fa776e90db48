const cors = require("cors");

// ruleid: soc2-cc6.6-exposed-surface-js
app.use(cors());
// ruleid: soc2-cc6.6-exposed-surface-js
app.use(cors({ origin: "*", credentials: false }));
// ok: soc2-cc6.6-exposed-surface-js
app.use(cors({ origin: ["https://shop.example.com"], credentials: true }));

app.use((req, res, next) => {
  // ruleid: soc2-cc6.6-exposed-surface-js
  res.setHeader("Access-Control-Allow-Origin", "*");
  // ok: soc2-cc6.6-exposed-surface-js
  res.setHeader("Access-Control-Allow-Origin", config.allowedOrigin);
  next();
});

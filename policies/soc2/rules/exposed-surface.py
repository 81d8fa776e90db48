import os

import uvicorn
from fastapi.middleware.cors import CORSMiddleware
from flask_cors import CORS

# ruleid: soc2-cc6.6-exposed-surface
CORS(app)
# ok: soc2-cc6.6-exposed-surface
CORS(app, origins=["https://shop.example.com"])
# ruleid: soc2-cc6.6-exposed-surface
api.add_middleware(CORSMiddleware, allow_origins=["*"], allow_methods=["*"])
# ok: soc2-cc6.6-exposed-surface
api.add_middleware(CORSMiddleware, allow_origins=os.environ["ALLOWED_ORIGINS"].split(","))
# ruleid: soc2-cc6.6-exposed-surface
CORS_ALLOW_ALL_ORIGINS = True

if __name__ == "__main__":
    # ruleid: soc2-cc6.6-exposed-surface
    app.run(host="0.0.0.0", port=8000)
    # ok: soc2-cc6.6-exposed-surface
    uvicorn.run(api, host="127.0.0.1", port=8000)

const express = require('express');
const { exec } = require('child_process');

const router = express.Router();
const SIZES = { small: '120x120', large: '640x640' };

router.post('/thumbs/:assetId', (req, res) => {
  const id = Number(req.params.assetId);
  const geometry = SIZES[req.body.size] || SIZES.small;
  const flags = ['-resize', geometry, '-strip'];
  if (req.body.watermark) {
    flags.push('-gravity', 'southeast', '-annotate', `+10+10 "${req.body.watermark}"`);
  }
  const cmd = `convert /srv/assets/${id}.png ${flags.join(' ')} /srv/thumbs/${id}.png`;
  exec(cmd, (err) => (err ? res.status(500).end() : res.status(201).end()));
});

module.exports = { thumbs: router };

// Offline check of Pingji status codes: "PJ1." + base64url(payload(26) || Ed25519 signature(64)).
// Public keys come from the page (data-keys) and are cached in localStorage, so a checkpoint
// tablet verifies a code without the server once it has loaded the keys.
(function () {
  'use strict';
  var COLORS = ['GREEN', 'YELLOW', 'RED'];
  var STORE = 'pingji.statusKeys';

  function b64url(s) {
    s = s.replace(/-/g, '+').replace(/_/g, '/');
    while (s.length % 4) { s += '='; }
    var bin = atob(s);
    var out = new Uint8Array(bin.length);
    for (var i = 0; i < bin.length; i++) { out[i] = bin.charCodeAt(i); }
    return out;
  }
  function hex(bytes) {
    return Array.prototype.map.call(bytes, function (b) { return ('0' + b.toString(16)).slice(-2); }).join('');
  }
  function cachedKeys() {
    try { return JSON.parse(localStorage.getItem(STORE) || '[]'); } catch (e) { return []; }
  }
  function remember(keys) {
    if (keys && keys.length) { localStorage.setItem(STORE, JSON.stringify(keys)); }
  }
  function refused(problem) { return { valid: false, problem: problem, reasons: [] }; }

  async function verify(token, reasonCodes, now) {
    token = (token || '').trim();
    if (token.indexOf('PJ1.') !== 0) { return refused('不是平急健康码（应以 PJ1. 开头）'); }
    var bytes;
    try { bytes = b64url(token.substring(4)); } catch (e) { return refused('健康码内容已损坏'); }
    if (bytes.length !== 90 || bytes[0] !== 1) { return refused('健康码长度或版本不对，可能被截断或篡改'); }
    var kid = hex(bytes.slice(1, 5));
    var key = cachedKeys().filter(function (k) { return k.kid === kid; })[0];
    if (!key) { return refused('未知的签名密钥 ' + kid + '：不是本平台签发或密钥已停用'); }
    var ok;
    try {
      var pub = await crypto.subtle.importKey('raw', b64url(key.publicKey), { name: 'Ed25519' }, false, ['verify']);
      ok = await crypto.subtle.verify({ name: 'Ed25519' }, pub, bytes.slice(26, 90), bytes.slice(0, 26));
    } catch (e) {
      return refused('此浏览器不支持 Ed25519 校验：' + e.message);
    }
    if (!ok) { return refused('签名无效：健康码被篡改'); }
    var view = new DataView(bytes.buffer);
    var color = COLORS[bytes[15]];
    var mask = view.getUint16(16);
    var issued = view.getUint32(18);
    var expires = view.getUint32(22);
    var reasons = [];
    for (var i = 0; i < reasonCodes.length; i++) { if (mask & (1 << i)) { reasons.push(reasonCodes[i]); } }
    var result = { valid: true, status: color, reasons: reasons, pseudonym: hex(bytes.slice(5, 15)),
      issuedAt: new Date(issued * 1000).toISOString(), expiresAt: new Date(expires * 1000).toISOString(), kid: kid };
    if ((now || Date.now()) / 1000 >= expires) {
      result.valid = false;
      result.problem = '健康码已过期（' + result.expiresAt + '），请刷新';
    }
    return result;
  }

  window.PingjiCodes = { verify: verify, remember: remember, cachedKeys: cachedKeys };

  document.addEventListener('DOMContentLoaded', function () {
    var root = document.querySelector('[data-status-keys]');
    if (root) { remember(JSON.parse(root.getAttribute('data-status-keys'))); }
    var form = document.getElementById('verify-form');
    if (!form) { return; }
    var reasonCodes = JSON.parse(root.getAttribute('data-reason-codes'));
    var labels = JSON.parse(root.getAttribute('data-reason-labels'));
    form.addEventListener('submit', async function (ev) {
      ev.preventDefault();
      var input = document.getElementById('verify-token');
      var out = document.getElementById('verify-result');
      var r = await verify(input.value, reasonCodes);
      out.className = 'verify-result ' + (r.valid ? 'status-' + r.status : 'invalid');
      var text = r.valid ? ({ GREEN: '绿码 · 通行', YELLOW: '黄码 · 走特殊通道', RED: '红码 · 闭环转运' })[r.status]
        : '无效：' + r.problem;
      var reasons = (r.reasons || []).map(function (c) { return labels[reasonCodes.indexOf(c)]; }).join('；');
      out.textContent = text + (reasons ? '（' + reasons + '）' : '');
      out.setAttribute('data-valid', String(r.valid));
      out.setAttribute('data-status', r.status || '');
      input.select();
    });
  });
})();

/*
 * khojaly-map embed loader, protocol version 1. No dependencies, ES2019.
 * Turns every <div data-khojaly-map="<state hash>" data-options="<embed options>"> into an iframe of
 * embed.html on the origin this script was loaded from, keeps its height in step with the embed's
 * content, and exposes window.KhojalyMap (see README: "Embedding").
 */
(function () {
  'use strict';
  var VERSION = __PROTOCOL_VERSION__;
  var PREFIX = __PREFIX__;
  var script = document.currentScript;
  var base = new URL('.', (script && script.src) || location.href).href;
  var mapOrigin = new URL(base).origin;
  var hostOrigin = /^https?:$/.test(location.protocol) ? location.origin : null;

  var api = window.KhojalyMap;
  if (api && api.version === VERSION && typeof api.scan === 'function') {
    api.scan();
    return;
  }

  function optionsQuery(el) {
    var params = new URLSearchParams(el.getAttribute('data-options') || '');
    params.delete('host');
    if (hostOrigin) params.set('host', hostOrigin);
    var query = params.toString();
    return query ? '?' + query : '';
  }

  /** A fixed height from data-options, read as the embed reads it: 200 to 4000 px, else auto. */
  function fixedHeight(el) {
    var match = /(?:^|&)height=(\d{1,4})(?:&|$)/.exec(el.getAttribute('data-options') || '');
    var px = match ? Number(match[1]) : NaN;
    return px >= __MIN_HEIGHT__ && px <= __MAX_HEIGHT__ ? px : null;
  }

  /**
   * After a height change caused by the reader, scrolls the host page (only if needed) so the element
   * the reader acted on (data.anchor: its top in the embed, data.anchorHeight) stays in the viewport.
   */
  function keepInView(iframe, data) {
    if (!(data.anchor >= 0 && data.anchor < 100000)) return;
    var top = iframe.getBoundingClientRect().top + data.anchor;
    var bottom = top + (data.anchorHeight > 0 && data.anchorHeight < 100000 ? data.anchorHeight : 0);
    var margin = 16;
    if (top < 0) window.scrollBy(0, top - margin);
    else if (bottom > window.innerHeight) window.scrollBy(0, Math.min(top - margin, bottom - window.innerHeight + margin));
  }

  /** One embedded map: its element, iframe, last state, and the host API. */
  function Embed(el) {
    var self = this;
    var hash = (el.getAttribute('data-khojaly-map') || '').replace(/^#/, '');
    var iframe = document.createElement('iframe');
    this.element = el;
    this.iframe = iframe;
    this.state = null;
    this.ready = false;
    this.fixed = fixedHeight(el);
    this._listeners = {};
    this._queue = [];
    iframe.src = base + 'embed.html' + optionsQuery(el) + (hash ? '#' + hash : '');
    iframe.title = el.getAttribute('data-title') || 'Map: Khojaly, February 1992 and after';
    iframe.setAttribute('allow', 'fullscreen');
    iframe.setAttribute('sandbox', __SANDBOX__);
    iframe.style.cssText = 'display:block;width:100%;border:0;height:' + (this.fixed || __INITIAL_HEIGHT__) + 'px';
    el.textContent = '';
    el.appendChild(iframe);
    el.setAttribute('data-khojaly-map-loaded', '');
    this._onMessage = function (event) {
      if (event.source !== iframe.contentWindow || event.origin !== mapOrigin) return;
      self._receive(event.data);
    };
    window.addEventListener('message', this._onMessage);
  }

  Embed.prototype._receive = function (data) {
    if (!data || typeof data !== 'object' || data.version !== VERSION || typeof data.type !== 'string') return;
    if (data.type.indexOf(PREFIX) !== 0) return;
    var name = data.type.slice(PREFIX.length);
    if (name === 'height') {
      if (!(data.height > 0 && data.height < 100000)) return;
      if (!this.fixed) {
        this.iframe.style.height = Math.ceil(data.height) + 'px';
        keepInView(this.iframe, data);
      }
    } else if (name === 'ready' || name === 'state') {
      if (!data.state || typeof data.state !== 'object') return;
      this.state = data.state;
      if (name === 'ready') {
        this.ready = true;
        if (!this.fixed && data.height > 0 && data.height < 100000) this.iframe.style.height = Math.ceil(data.height) + 'px';
        var queued = this._queue;
        this._queue = [];
        for (var i = 0; i < queued.length; i++) this._send(queued[i]);
      }
    } else if (name !== 'select') {
      return;
    }
    this._emit(name, data);
  };

  Embed.prototype._emit = function (name, data) {
    var list = (this._listeners[name] || []).slice();
    for (var i = 0; i < list.length; i++) {
      try {
        list[i].call(this, data, this);
      } catch (error) {
        setTimeout(function () { throw error; });
      }
    }
    this.element.dispatchEvent(new CustomEvent(PREFIX + name, { detail: data }));
  };

  Embed.prototype._send = function (message) {
    message.version = VERSION;
    if (!this.ready) this._queue.push(message);
    else if (this.iframe.contentWindow) this.iframe.contentWindow.postMessage(message, mapOrigin);
    return this;
  };

  /** Selects a place by id (null clears), optionally one of its passages. */
  Embed.prototype.select = function (place, cite) {
    var message = { type: PREFIX + 'select', place: place === undefined ? null : place };
    if (typeof cite === 'number') message.cite = cite;
    return this._send(message);
  };
  /** Moves the camera: { zoom, lat, lng }. */
  Embed.prototype.setView = function (view) {
    return this._send({ type: PREFIX + 'view', view: { zoom: view.zoom, lat: view.lat, lng: view.lng } });
  };
  /** Shows exactly these story layers. */
  Embed.prototype.setLayers = function (layers) {
    return this._send({ type: PREFIX + 'layers', layers: Array.prototype.slice.call(layers) });
  };
  /** Listens to 'ready', 'height', 'select' or 'state'; returns a function that stops listening. */
  Embed.prototype.on = function (name, fn) {
    var self = this;
    (this._listeners[name] = this._listeners[name] || []).push(fn);
    return function () { self.off(name, fn); };
  };
  Embed.prototype.off = function (name, fn) {
    this._listeners[name] = (this._listeners[name] || []).filter(function (f) { return f !== fn; });
    return this;
  };
  /** Removes the iframe and stops listening. */
  Embed.prototype.destroy = function () {
    window.removeEventListener('message', this._onMessage);
    this.iframe.remove();
    this.element.removeAttribute('data-khojaly-map-loaded');
    var i = api.embeds.indexOf(this);
    if (i >= 0) api.embeds.splice(i, 1);
  };

  api = window.KhojalyMap = {
    version: VERSION,
    origin: mapOrigin,
    embeds: [],
    /** Turns every not yet loaded [data-khojaly-map] under root (default: document) into an embed. */
    scan: function (root) {
      var found = (root || document).querySelectorAll('[data-khojaly-map]:not([data-khojaly-map-loaded])');
      var created = [];
      for (var i = 0; i < found.length; i++) {
        var embed = new Embed(found[i]);
        api.embeds.push(embed);
        created.push(embed);
      }
      return created;
    },
    /** The embed made from this element, if any. */
    get: function (el) {
      for (var i = 0; i < api.embeds.length; i++) if (api.embeds[i].element === el) return api.embeds[i];
      return null;
    }
  };

  api.scan();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', function () { api.scan(); });
})();

// The network page: draws /api/graph with cytoscape, redraws when a source is picked.
// Data comes only from the API and is put into the page with textContent, never as markup.
(function () {
  'use strict';

  var graphBox = document.getElementById('graph');
  var sourceFilter = document.getElementById('source-filter');
  var compareFilter = document.getElementById('compare-filter');
  var status = document.getElementById('graph-status');
  var details = document.getElementById('edge-details');
  var edgeRows = document.querySelector('#edge-list tbody');
  var cy = null;
  var latest = 0;

  var TYPE_COLOURS = {
    Person: '#2563eb', Organization: '#16a34a', Company: '#0d9488', PublicBody: '#9333ea',
    Country: '#dc2626', Location: '#ca8a04', Group: '#db2777'
  };
  var SIDE_COLOURS = { a: '#2563eb', b: '#ea580c', both: '#7c3aed' };
  var SIDE_NAMES = { a: 'first only', b: 'second only', both: 'both' };

  function el(tag, text, attrs) {
    var node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = String(text);
    Object.keys(attrs || {}).forEach(function (k) { node.setAttribute(k, attrs[k]); });
    return node;
  }

  function sentenceUrl(ev) {
    return '/sources/' + encodeURIComponent(ev.doc) + '#s-' + encodeURIComponent(ev.sentence);
  }

  function actorUrl(id) {
    return '/actors/' + encodeURIComponent(id);
  }

  function query() {
    var params = new URLSearchParams();
    params.set('source', sourceFilter.value);
    params.set('compare', sourceFilter.value ? compareFilter.value : '');
    return params;
  }

  function load() {
    var mine = ++latest;
    graphBox.dataset.ready = '0';
    var params = query();
    var page = new URLSearchParams();
    if (params.get('source')) page.set('source', params.get('source'));
    if (params.get('compare')) page.set('compare', params.get('compare'));
    history.replaceState(null, '', '/network' + (page.toString() ? '?' + page.toString() : ''));
    status.textContent = 'Loading the graph…';
    fetch('/api/graph?' + params.toString(), { headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (!response.ok) throw new Error('the server answered ' + response.status);
        return response.json();
      })
      .then(function (data) { if (mine === latest) draw(data); })
      .catch(function (error) {
        if (mine !== latest) return;
        status.textContent = 'Could not load the graph: ' + error.message;
        graphBox.dataset.nodes = '0';
        graphBox.dataset.edges = '0';
        graphBox.dataset.ready = '1';
      });
  }

  function draw(data) {
    var names = {};
    var elements = [];
    data.nodes.forEach(function (n) {
      names[n.id] = n.label;
      elements.push({
        group: 'nodes',
        data: { id: n.id, label: n.label, type: n.type, mentions: n.mentions, side: n.side || '' },
        classes: n.side ? 'side-' + n.side : ''
      });
    });
    data.edges.forEach(function (e) {
      if (!(e.source in names) || !(e.target in names)) return;
      elements.push({
        group: 'edges',
        data: {
          id: e.id, source: e.source, target: e.target, kind: e.kind, label: e.label,
          weight: e.weight, side: e.side || '', evidence: e.evidence
        },
        classes: [e.kind === 'co-mention' ? 'co-mention' : 'stated', e.side ? 'side-' + e.side : '']
          .join(' ').trim()
      });
    });
    if (cy) cy.destroy();
    var count = data.nodes.length;
    cy = cytoscape({
      container: graphBox,
      elements: elements,
      wheelSensitivity: 0.3,
      style: [
        { selector: 'node', style: {
          'label': 'data(label)', 'font-size': 11, 'text-valign': 'bottom', 'text-margin-y': 3,
          'background-color': function (n) { return TYPE_COLOURS[n.data('type')] || '#64748b'; },
          'width': function (n) { return 14 + Math.min(26, Math.sqrt(n.data('mentions') || 1) * 4); },
          'height': function (n) { return 14 + Math.min(26, Math.sqrt(n.data('mentions') || 1) * 4); }
        } },
        { selector: 'node.side-a', style: { 'border-width': 3, 'border-color': SIDE_COLOURS.a } },
        { selector: 'node.side-b', style: { 'border-width': 3, 'border-color': SIDE_COLOURS.b } },
        { selector: 'node.side-both', style: { 'border-width': 3, 'border-color': SIDE_COLOURS.both } },
        { selector: 'edge', style: {
          'width': function (e) { return 1 + Math.min(6, Math.log2(1 + (e.data('weight') || 1))); },
          'line-color': '#cbd5e1', 'curve-style': 'bezier', 'opacity': 0.85
        } },
        { selector: 'edge.stated', style: {
          'line-color': '#475569', 'target-arrow-shape': 'triangle', 'target-arrow-color': '#475569',
          'label': 'data(label)', 'font-size': 9, 'text-rotation': 'autorotate', 'color': '#334155'
        } },
        { selector: 'edge.side-a', style: { 'line-color': SIDE_COLOURS.a, 'target-arrow-color': SIDE_COLOURS.a } },
        { selector: 'edge.side-b', style: { 'line-color': SIDE_COLOURS.b, 'target-arrow-color': SIDE_COLOURS.b } },
        { selector: 'edge.side-both', style: { 'line-color': SIDE_COLOURS.both, 'target-arrow-color': SIDE_COLOURS.both } },
        { selector: ':selected', style: { 'overlay-opacity': 0.2, 'overlay-color': '#2563eb' } }
      ],
      layout: count > 250
        ? { name: 'concentric', animate: false, concentric: function (n) { return n.data('mentions'); } }
        : { name: 'cose', animate: false, randomize: false, nodeDimensionsIncludeLabels: true, idealEdgeLength: function () { return 90; } }
    });
    cy.on('tap', 'node', function (event) { window.location.href = actorUrl(event.target.id()); });
    cy.on('tap', 'edge', function (event) { showEdge(event.target.data(), names); });
    listEdges(data.edges, names);
    details.textContent = '';
    var drawnNodes = cy.nodes().length;
    var drawnEdges = cy.edges().length;
    status.textContent = drawnNodes + ' actors, ' + drawnEdges + ' links' +
      (data.truncated ? ' (only the strongest links are drawn)' : '') + '.';
    graphBox.dataset.nodes = String(drawnNodes);
    graphBox.dataset.edges = String(drawnEdges);
    graphBox.dataset.ready = '1';
  }

  function evidenceLinks(container, evidence) {
    evidence.forEach(function (ev, i) {
      if (i) container.appendChild(document.createTextNode(' '));
      container.appendChild(el('a', '§' + ev.sentence, { 'class': 'fact', href: sentenceUrl(ev) }));
    });
  }

  function showEdge(edge, names) {
    details.textContent = '';
    var p = el('p');
    p.appendChild(el('a', names[edge.source] || edge.source, { href: actorUrl(edge.source) }));
    p.appendChild(document.createTextNode(' — ' + edge.label + ' — '));
    p.appendChild(el('a', names[edge.target] || edge.target, { href: actorUrl(edge.target) }));
    p.appendChild(document.createTextNode(' (' + edge.weight + ' sentence' + (edge.weight === 1 ? '' : 's') +
      (edge.side ? ', ' + SIDE_NAMES[edge.side] : '') + '): '));
    evidenceLinks(p, edge.evidence);
    details.appendChild(p);
  }

  function listEdges(edges, names) {
    edgeRows.textContent = '';
    edges.forEach(function (e) {
      var row = el('tr', null, { 'data-kind': e.kind, 'data-side': e.side || '' });
      var from = el('td'); from.appendChild(el('a', names[e.source] || e.source, { href: actorUrl(e.source) }));
      var to = el('td'); to.appendChild(el('a', names[e.target] || e.target, { href: actorUrl(e.target) }));
      var stated = el('td'); evidenceLinks(stated, e.evidence);
      row.appendChild(from);
      row.appendChild(el('td', e.label));
      row.appendChild(to);
      row.appendChild(el('td', e.weight, { 'class': 'n' }));
      row.appendChild(el('td', e.side ? SIDE_NAMES[e.side] : '', { 'class': e.side ? 'side-' + e.side : '' }));
      row.appendChild(stated);
      edgeRows.appendChild(row);
    });
  }

  sourceFilter.addEventListener('change', load);
  compareFilter.addEventListener('change', load);
  load();
})();

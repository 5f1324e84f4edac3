"""The report page: one Jinja2 template with its CSS and its small script inline.

The script holds no document data (that is only in the escaped HTML), so it is the same for
every report; the page reads the same without it (the filter controls stay hidden).
"""

CSS = r"""
:root{--ink:#1f2937;--mute:#6b7280;--line:#d1d5db;--soft:#f3f4f6;--accent:#1d4ed8}
*{box-sizing:border-box}
body{font-family:"Noto Sans","Segoe UI","Helvetica Neue",Arial,"DejaVu Sans","Liberation Sans",sans-serif;
 color:var(--ink);margin:0 auto;max-width:1200px;padding:16px 20px;line-height:1.4;font-size:14px}
h1{font-size:22px;margin:0 0 12px}
h2{font-size:18px;margin:26px 0 8px;border-bottom:2px solid var(--line);padding-bottom:4px}
h3{font-size:15px;margin:18px 0 6px}
.card{border:1px solid var(--line);border-radius:6px;padding:10px 14px;background:#fafafa}
.card dl{display:grid;grid-template-columns:max-content 1fr;gap:3px 14px;margin:0}
.card dt{color:var(--mute)}.card dd{margin:0}
.flag{display:inline-block;border-radius:3px;padding:0 6px;font-size:12px;background:#fde68a;color:#78350f;margin:2px 4px 2px 0}
.flag.bad{background:#fecaca;color:#7f1d1d}
.kind{display:inline-block;border:1px solid var(--line);border-radius:3px;padding:0 4px;font-size:11px;color:var(--mute);margin-left:4px}
.outline ul{margin:2px 0;padding-left:20px}.outline li{margin:1px 0}
.controls{display:none;flex-wrap:wrap;gap:8px;align-items:center;margin:6px 0}
.js .controls{display:flex}
.controls input,.controls select{font:inherit;padding:3px 6px;max-width:220px}
table.tasks{border-collapse:collapse;width:100%;font-size:13px}
.tasks th,.tasks td{border:1px solid var(--line);padding:3px 5px;vertical-align:top;text-align:left}
.tasks th{background:var(--soft);position:sticky;top:0}
.js .tasks th[data-sort]{cursor:pointer}
.tasks th[aria-sort=ascending]::after{content:" ▲"}.tasks th[aria-sort=descending]::after{content:" ▼"}
.tasks td:nth-child(2){font-size:12px}
table.tasks{table-layout:fixed}.tasks td{overflow-wrap:break-word}
.tasks td.where,.tasks td.id{color:var(--mute);font-size:12px}
.group-dot{display:inline-block;width:9px;height:9px;border-radius:50%;margin-right:4px}
.chart{max-width:100%;height:auto;font-family:inherit}
.chart .grid{stroke:#e5e7eb;stroke-width:1}.chart .tick{font-size:10px;fill:var(--mute)}
.chart .rowlabel{font-size:10px;fill:var(--ink);text-anchor:end}.chart .count{font-size:10px;fill:var(--mute)}
.chart .band{opacity:.35}.chart .bar{opacity:.9}
.chart .lead{fill:#1d4ed8}.chart .support{fill:#93c5fd}
.legend{display:flex;flex-wrap:wrap;gap:4px 14px;font-size:12px;color:var(--mute);margin:4px 0}
.note{color:var(--mute);font-size:12px}
.findings{list-style:none;padding:0}
.findings li{border-left:4px solid var(--line);padding:4px 8px;margin:6px 0;background:#fcfcfc}
.findings .error{border-color:#dc2626}.findings .warning{border-color:#d97706}.findings .info{border-color:#2563eb}
.sev{font-weight:600}.code{font-family:ui-monospace,"DejaVu Sans Mono",monospace;font-size:12px;color:var(--mute)}
blockquote{margin:4px 0;padding:2px 8px;border-left:2px solid var(--line);color:#374151;white-space:pre-wrap}
.pair{display:grid;grid-template-columns:1fr 1fr;gap:8px}
.pair blockquote{margin:2px 0}
nav.toc a{color:var(--accent)}
section.plan{margin-top:18px}
footer{margin-top:30px;color:var(--mute);font-size:12px}
del{color:#991b1b;background:#fee2e2}ins{color:#166534;background:#dcfce7;text-decoration:none}
table.plain{border-collapse:collapse;font-size:13px}.plain th,.plain td{border:1px solid var(--line);padding:3px 6px;text-align:left;vertical-align:top}
ul.changes li{margin:3px 0}
.status{font-weight:600;font-size:12px}.status.added{color:#166534}.status.removed{color:#991b1b}
.status.changed{color:#92400e}.status.moved{color:#155e75}.status.unchanged{color:var(--mute)}
tr.st-unchanged{color:var(--mute)}
@media print{
 @page{size:A4;margin:14mm 12mm}
 body{max-width:none;padding:0;font-size:10.5pt}
 .controls,nav.toc{display:none!important}
 .tasks th{position:static}
 thead{display:table-header-group}
 tr,li,.card,svg{break-inside:avoid}
 section.plan{break-before:page}section.plan:first-of-type{break-before:auto}
 h2,h3{break-after:avoid}
}
"""

SCRIPT = r"""
(function(){
document.documentElement.classList.add('js');
function fold(s){return (s||'').normalize('NFD').replace(/[\u0300-\u036f]/g,'').replace(/[đĐ]/g,'d').toLowerCase();}
var params=new URLSearchParams(location.hash.replace(/^#/,''));
document.querySelectorAll('section.plan').forEach(function(sec){
  var table=sec.querySelector('table.tasks'); if(!table) return;
  var body=table.tBodies[0], rows=Array.prototype.slice.call(body.rows);
  var texts=rows.map(function(r){return fold(r.textContent);});
  var ctl={}, keys=[];
  sec.querySelectorAll('[data-filter]').forEach(function(c){ctl[c.dataset.filter]=c; keys.push(c.dataset.filter);});
  var shown=sec.querySelector('.shown-count');
  function apply(){
    var q=ctl.q?fold(ctl.q.value).trim():'', n=0;
    rows.forEach(function(r,i){
      var ok=(!q||texts[i].indexOf(q)>=0);
      keys.forEach(function(k){ if(k==='q') return;
        var v=ctl[k]&&ctl[k].value; if(ok&&v){ok=(r.dataset[k]||'').split('|').indexOf(v)>=0;}
      });
      r.hidden=!ok; if(ok) n++;
    });
    if(shown) shown.textContent=String(n);
  }
  keys.forEach(function(k){
    var c=ctl[k]; if(!c) return;
    if(params.has(k)) c.value=params.get(k);
    c.addEventListener(k==='q'?'input':'change',function(){
      var p=new URLSearchParams(); keys.forEach(function(j){if(ctl[j]&&ctl[j].value) p.set(j,ctl[j].value);});
      history.replaceState(null,'','#'+p.toString()); apply();
    });
  });
  table.querySelectorAll('th[data-sort]').forEach(function(th,i){
    th.tabIndex=0;
    function sort(){
      var col=th.cellIndex, num=th.dataset.sort==='num', dir=th.getAttribute('aria-sort')==='ascending'?-1:1;
      table.querySelectorAll('th').forEach(function(o){o.removeAttribute('aria-sort');});
      th.setAttribute('aria-sort',dir>0?'ascending':'descending');
      var sorted=rows.slice().sort(function(a,b){
        var x=a.cells[col].dataset.key||a.cells[col].textContent, y=b.cells[col].dataset.key||b.cells[col].textContent;
        if(num){return dir*((parseFloat(x)||0)-(parseFloat(y)||0));}
        return dir*x.localeCompare(y,'vi');
      });
      sorted.forEach(function(r){body.appendChild(r);});
    }
    th.addEventListener('click',sort);
    th.addEventListener('keydown',function(e){if(e.key==='Enter')sort();});
    var want=parseInt(params.get('sort')||'0',10);
    if(Math.abs(want)===th.cellIndex+1){sort(); if(want<0) sort();}
  });
  apply();
});
})();
"""

# One page shell ("page"), its parts (macros in "parts"), and the contents of the three pages
# built on them: the plan report, `validate --format html`, `diff -f html`.
PARTS = r"""{% macro outline(sections) %}<ul>{% for s in sections %}<li{% if s.title|length > 110 %} title="{{ s.title }}"{% endif %}>{{ s.number }}. {{ s.title|truncate(110, True, '…', 5) }}{% for k in s.kinds if k != 'other' %}<span class="kind">{{ k }}</span>{% endfor %}
{% if s.children and s.level < 3 %}{{ outline(s.children) }}{% endif %}</li>{% endfor %}</ul>{% endmacro %}
{% macro findings(items) %}{% if items %}
<ul class="findings">
{% for f in items %}
<li class="{{ f.severity }}"><span class="sev">{{ severity[f.severity] }}</span> <span class="code">{{ f.code }} {{ f.rule }}</span>
{% if f.location %}<span class="note">· {{ where(f.location) }}</span>{% endif %}
<div>{{ f.message }}</div>
{% if f.excerpt %}<blockquote>{{ f.excerpt }}</blockquote>{% endif %}
{% set pairs = f.related|selectattr('original_excerpt', 'defined')|list %}
{% if pairs %}<div class="pair"><strong>{{ T('report_original') }}</strong><strong>{{ T('report_copy') if pairs[0].original_file is defined else T('report_repeat') }}</strong>
{% for r in pairs %}<blockquote>{% if r.original_file %}<span class="note">{{ r.original_file }}</span>
{% endif %}{{ r.original_excerpt }}</blockquote><blockquote>{{ r.excerpt }}</blockquote>{% endfor %}</div>
{% else %}{% for r in f.related if r.excerpt %}<blockquote>{{ r.excerpt }}</blockquote>{% endfor %}{% endif %}
</li>
{% endfor %}
</ul>
{% else %}<p class="note">{{ T('report_no_findings') }}</p>{% endif %}{% endmacro %}
{% macro controls(filters, count) %}<div class="controls">
<label>{{ T('report_search') }} <input type="search" data-filter="q"></label>
{% for key, label, options in filters %}
<label>{{ label }} <select data-filter="{{ key }}"><option value="">{{ T('report_all') }}</option>
{% for value, text in options %}<option value="{{ value }}">{{ text }}</option>{% endfor %}</select></label>
{% endfor %}
<span class="note">{{ T('report_shown') }}: <span class="shown-count">{{ count }}</span>/{{ count }}</span>
</div>
{% endmacro %}
"""

SHELL = r"""<!DOCTYPE html>
<html lang="{{ lang }}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="kehoach {{ version }}">
<title>{{ page_title }}</title>
<style>{{ css }}</style>
</head>
<body>
<h1>{{ page_title }}</h1>
{% block content %}{% endblock %}
<footer>{{ T('report_generated', version=version) }}</footer>
<script>{{ script }}</script>
</body>
</html>
"""

REPORT = r"""{% extends "page" %}{% from "parts" import outline, findings, controls with context %}{% block content %}{% if views|length > 1 %}
<nav class="toc"><strong>{{ T('report_contents') }}:</strong>
<ol>{% for v in views %}<li><a href="#plan-{{ loop.index }}">{{ v.name }}</a> — {{ T('report_task_count', count=v.plan.tasks|length) }}</li>{% endfor %}</ol>
</nav>
<h2>{{ T('report_workload_all') }}</h2>
{{ combined or T('report_no_units') }}
{% endif %}
{% for v in views %}
{% set p = v.plan %}{% set h = p.header %}
<section class="plan" id="plan-{{ loop.index }}">
{% if views|length > 1 %}<h2>{{ loop.index }}. {{ v.name }}</h2>{% endif %}
<div class="card">
{% if h.draft %}<span class="flag">{{ T('report_draft') }}</span>{% endif %}
{% if not p.is_plan %}<span class="flag bad">{{ T('report_not_plan', name=v.doctype) }}</span>{% endif %}
<dl>
<dt>{{ T('report_issuer') }}</dt><dd>{% if h.issuer_parent %}{{ h.issuer_parent }} — {% endif %}{{ h.issuer or '—' }}</dd>
<dt>{{ T('report_number') }}</dt><dd>{{ h.number or h.number_raw or T('report_blank') }}</dd>
<dt>{{ T('report_date') }}</dt><dd>{{ h.date or h.date_partial or T('report_blank') }}{% if h.date_raw %} <span class="note">({{ h.date_raw }})</span>{% endif %}</dd>
<dt>{{ T('report_doc_title') }}</dt><dd>{{ h.doc_type or '' }} {{ h.title or '—' }}</dd>
<dt>{{ T('report_signer') }}</dt><dd>{{ v.signer or '—' }}</dd>
<dt>{{ T('report_source') }}</dt><dd>{{ v.name }} <span class="note">({{ p.source.format }}{% if p.source.pages %}, {{ p.source.pages }} {{ T('report_page') }}{% endif %})</span></dd>
</dl>
</div>

{% if p.sections %}
<h3>{{ T('report_outline') }}</h3>
<div class="outline">{{ outline(p.sections) }}</div>
{% endif %}

<h3>{{ T('report_timeline') }}</h3>
{% if v.timeline %}
{{ v.timeline }}
<div class="legend">{% for g, c in v.colours.items() %}<span><span class="group-dot" style="background:{{ c }}"></span>{{ g }}</span>{% endfor %}</div>
<p class="note">{{ T('report_timeline_note', undated=v.undated) }}</p>
{% else %}<p class="note">{{ T('report_no_dates') }}</p>{% endif %}

<h3>{{ T('report_workload') }}</h3>
{{ v.workload or T('report_no_units') }}

<h3>{{ T('report_tasks') }} <span class="note">({{ T('report_task_count', count=p.tasks|length) }})</span></h3>
{% if p.tasks %}
{{ controls(v.filters, p.tasks|length) }}
<table class="tasks">
<colgroup><col style="width:6%"><col style="width:12%"><col style="width:32%"><col style="width:12%"><col style="width:12%"><col style="width:11%"><col style="width:7%"><col style="width:8%"></colgroup>
<thead><tr>
<th data-sort="num">#</th><th data-sort="text">{{ T('report_group') }}</th><th data-sort="text">{{ T('report_content') }}</th>
<th data-sort="text">{{ T('report_lead') }}</th><th data-sort="text">{{ T('report_support') }}</th>
<th data-sort="text">{{ T('report_timeline_col') }}</th><th data-sort="text">{{ T('report_origin') }}</th><th data-sort="num">{{ T('report_where') }}</th>
</tr></thead>
<tbody>
{% for r in v.rows %}{% set task = r.task %}
<tr data-unit="{{ r.units }}" data-group="{{ r.group }}" data-origin="{{ task.origin }}" data-kind="{{ r.kind }}">
<td class="id" data-key="{{ loop.index }}">{{ task.number or '' }}<br>{{ task.id }}</td>
<td>{% if task.group %}<span class="group-dot" style="background:{{ r.colour }}"></span>{{ task.group }}{% endif %}</td>
<td>{{ task.content }}{% if task.products %}<div class="note">→ {{ task.products|join('; ') }}</div>{% endif %}</td>
<td>{{ task.lead|map(attribute='name')|join('; ') }}</td>
<td>{{ task.support|map(attribute='name')|join('; ') }}</td>
<td>{% if task.timeline %}{{ task.timeline.raw }}<span class="kind">{{ task.timeline.kind }}</span>{% endif %}</td>
<td>{{ r.origin }}</td>
<td class="where" data-key="{{ r.order }}">{{ r.where }}</td>
</tr>
{% endfor %}
</tbody></table>
{% endif %}

<h3>{{ T('report_findings') }} <span class="note">({{ v.findings|length }})</span></h3>
{{ findings(v.findings) }}

{% if p.diagnostics %}
<h3>{{ T('report_diagnostics') }} <span class="note">({{ p.diagnostics|length }})</span></h3>
<ul class="findings">{% for d in p.diagnostics %}<li class="info"><span class="code">{{ d.code }}</span>
{% if d.location %}<span class="note">· {{ where(d.location) }}</span>{% endif %}<div>{{ d.message }}</div>
{% if d.excerpt %}<blockquote>{{ d.excerpt }}</blockquote>{% endif %}</li>{% endfor %}</ul>
{% endif %}
</section>
{% endfor %}
{% endblock %}"""

VALIDATE = r"""{% extends "page" %}{% from "parts" import findings with context %}{% block content %}
<div class="card"><dl>
<dt>{{ T('report_findings') }}</dt><dd>{{ summary }}</dd>
{% for s in ('error', 'warning', 'info') %}<dt>{{ severity[s] }}</dt><dd>{{ counts[s] }}</dd>{% endfor %}
</dl></div>
{% if files|length > 1 %}
<nav class="toc"><strong>{{ T('report_contents') }}:</strong>
<ol>{% for r in files %}<li><a href="#plan-{{ loop.index }}">{{ r.path }}</a> — {{ r.findings|length }}</li>{% endfor %}</ol>
</nav>
{% endif %}
{% for r in files %}
<section class="plan" id="plan-{{ loop.index }}">
<h2>{{ r.path }}</h2>
{% if r.error %}<p><span class="flag bad">{{ r.error }}</span></p>
{% else %}{{ findings(r.findings) }}{% endif %}
</section>
{% endfor %}
{% endblock %}"""

DIFF = r"""{% extends "page" %}{% from "parts" import controls with context %}
{% macro words(ops) %}{% for op in ops %}{% if op.op == 'equal' %}{{ op.old }}{% else %}{% if op.old %}<del>{{ op.old }}</del>{% endif %}{% if op.new %}<ins>{{ op.new }}</ins>{% endif %}{% endif %} {% endfor %}{% endmacro %}
{% macro value(task, field) %}{% if task %}{% if field == 'lead' or field == 'support' %}{{ task[field]|map(attribute='name')|join('; ') }}{% elif field == 'timeline' %}{{ task.timeline.raw if task.timeline else '' }}{% elif field == 'products' %}{{ task.products|join('; ') }}{% else %}{{ task[field] or '' }}{% endif %}{% endif %}{% endmacro %}
{% macro cell(c, field) %}{% if field in c.changed %}{% if c.words.get(field) %}{{ words(c.words[field]) }}{% else %}<del>{{ value(c.old, field) }}</del> <ins>{{ value(c.new, field) }}</ins>{% endif %}{% else %}{{ value(c.new or c.old, field) }}{% endif %}{% endmacro %}
{% block content %}
<div class="card"><dl>
<dt>{{ T('diff_old') }}</dt><dd>{{ diff.files.old.path }} <span class="note">({{ diff.files.old.format }})</span></dd>
<dt>{{ T('diff_new') }}</dt><dd>{{ diff.files.new.path }} <span class="note">({{ diff.files.new.format }})</span></dd>
<dt>{{ T('diff_tasks') }}</dt><dd>{{ summary }}</dd>
</dl>{% if diff.same %}<p>{{ T('diff_same') }}</p>{% endif %}</div>
{% if diff.header %}
<h3>{{ T('diff_header') }}</h3>
<table class="plain"><tbody>{% for h in diff.header %}<tr><th>{{ h.field }}</th>
<td><del>{{ h.old|join('; ') if h.old is iterable and h.old is not string else (h.old if h.old is not none else '—') }}</del></td>
<td><ins>{{ h.new|join('; ') if h.new is iterable and h.new is not string else (h.new if h.new is not none else '—') }}</ins></td></tr>{% endfor %}</tbody></table>
{% endif %}
{% set sec = diff.sections %}
{% if sec.added or sec.removed or sec.changed %}
<h3>{{ T('diff_sections') }}</h3>
<ul class="changes">
{% for s in sec.removed %}<li><del>{{ s.number }}. {{ s.title }}</del></li>{% endfor %}
{% for s in sec.added %}<li><ins>{{ s.number }}. {{ s.title }}</ins></li>{% endfor %}
{% for e in sec.changed %}<li>{{ e.new.number }}. {{ words(e.words) }}</li>{% endfor %}
</ul>
{% endif %}
{% set par = diff.paragraphs %}
{% if par.added or par.removed or par.changed %}
<h3>{{ T('diff_paragraphs', unchanged=par.unchanged) }}</h3>
<ul class="changes">
{% for x in par.removed %}<li><del>{{ x }}</del></li>{% endfor %}
{% for x in par.added %}<li><ins>{{ x }}</ins></li>{% endfor %}
{% for e in par.changed %}<li>{% if e.section %}<span class="note">{{ e.section }}</span><br>{% endif %}{{ words(e.words) }}</li>{% endfor %}
</ul>
{% endif %}
<section class="plan" id="plan-1">
<h3>{{ T('diff_tasks') }} <span class="note">({{ diff.tasks|length }})</span></h3>
{% if diff.tasks %}
{{ controls(filters, diff.tasks|length) }}
<table class="tasks">
<colgroup><col style="width:9%"><col style="width:11%"><col style="width:34%"><col style="width:14%"><col style="width:14%"><col style="width:12%"><col style="width:6%"></colgroup>
<thead><tr><th data-sort="text">{{ T('diff_status') }}</th><th data-sort="text">{{ T('report_group') }}</th>
<th data-sort="text">{{ T('report_content') }}</th><th data-sort="text">{{ T('report_lead') }}</th>
<th data-sort="text">{{ T('report_support') }}</th><th data-sort="text">{{ T('report_timeline_col') }}</th><th data-sort="num">#</th></tr></thead>
<tbody>
{% for c in diff.tasks %}{% set task = c.new or c.old %}
<tr class="st-{{ c.status }}" data-status="{{ c.status }}" data-field="{{ c.changed|join('|') }}" data-group="{{ task.group or '' }}">
<td><span class="status {{ c.status }}">{{ T('diff_status_' ~ c.status) }}</span>{% if c.changed %}<div class="note">{% for f in c.changed %}{{ T('diff_field_' ~ f) }}{% if not loop.last %}, {% endif %}{% endfor %}</div>{% endif %}</td>
<td>{% if c.status == 'moved' %}<del>{{ c.old.group or '—' }}</del> <ins>{{ c.new.group or '—' }}</ins>{% else %}{{ task.group or '' }}{% endif %}</td>
<td>{% if task.number %}<span class="note">{{ task.number }}.</span> {% endif %}{{ cell(c, 'content') }}</td>
<td>{{ cell(c, 'lead') }}</td><td>{{ cell(c, 'support') }}</td><td>{{ cell(c, 'timeline') }}</td>
<td class="where" data-key="{{ loop.index }}">{{ loop.index }}</td>
</tr>
{% endfor %}
</tbody></table>
{% endif %}
</section>
{% endblock %}"""

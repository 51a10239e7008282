// The spot editor's canvas: drawing, selecting and transforming spots on a still frame, zoom and pan, undo and redo.
// Interaction only: every rule about spots (overlaps, shapes, names) and the geometry of a repeated row are the
// server's (SmartSpot.Vision and LotLayoutValidator), asked through the component's [JSInvokable] methods, so that
// the editor, an imported file and the API are held to the same rules by the same code.
//
// Coordinates: spots are kept in frame pixels (x right, y down, corners clockwise on screen); the view maps them to
// the canvas as screen = frame * scale + offset (CSS pixels). The canvas carries data-scale, data-offset-x/-y, data-spots,
// data-selected, data-tool and data-busy so that a browser test can aim at frame pixels and wait for the editor.

const HANDLE = 7;          // corner handle half-size, screen px
const ROTATE_OFFSET = 26;  // rotation handle distance above the selection, screen px
const SNAP = 8;            // corners snap to other spots' corners within this many screen px (Alt: no snapping)
const MAX_UNDO = 200;
const MIN_SCALE = 0.05;
const MAX_SCALE = 16;

const editors = new WeakMap();

export function create(box, dotnet, options) {
    const editor = new Editor(box, dotnet, options);
    editors.set(box, editor);
    return editor.ready;
}

export function dispose(box) {
    editors.get(box)?.dispose();
    editors.delete(box);
}

/** Runs an editor command from the page's toolbar or panel: undo, redo, delete, copy, paste, fit, actual, zoomIn, zoomOut,
 *  selectAll, tool (arg: name), renameSpot ({id, name}), createZone ({name}), renameZone ({id, name}), deleteZone (id),
 *  addToZone (id), removeFromZone (id), selectZone (id), selectSpots (ids), replaceSpots (spots), load ({spots, zones}),
 *  problems (list), saved. */
export function command(box, name, arg) {
    return editors.get(box)?.command(name, arg);
}

/** The spots and zones as they are now: { spots: [{ id, name, corners: [[x, y] x4] }], zones: [{ id, name, spots: [ids] }] }. */
export function documentOf(box) {
    return editors.get(box)?.payload() ?? { spots: [], zones: [] };
}

/** Offers bytes as a file download. */
export function download(fileName, bytes, type) {
    const url = URL.createObjectURL(new Blob([bytes], { type }));
    const link = document.createElement("a");
    link.href = url;
    link.download = fileName;
    document.body.appendChild(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** Asks before leaving with unsaved changes. */
export function confirmLeave(message) {
    return window.confirm(message);
}

class Editor {
    constructor(box, dotnet, options) {
        this.box = box;
        this.dotnet = dotnet;
        this.frame = { width: options.frameWidth, height: options.frameHeight };
        this.spots = new Map(options.spots.map(spot => [spot.id, { id: spot.id, name: spot.name, pts: spot.corners.map(c => [c[0], c[1]]) }]));
        this.zones = options.zones.map(zone => ({ id: zone.id, name: zone.name, spots: [...zone.spots] }));
        this.selection = [];          // ids, in the order they were selected
        this.tool = "select";
        this.undoStack = [];
        this.redoStack = [];
        this.dirty = false;
        this.problems = [];           // from the last check: [{ kind, message, spotIds }]
        this.flash = null;            // a refused edit: { message, spotIds }
        this.clipboard = [];
        this.gesture = null;
        this.polygon = [];            // corners clicked so far with the four-corner tool
        this.row = null;              // a row being repeated: { first, last, lastIsNew, count, preview }
        this.pointer = null;          // last pointer position, frame px
        this.spaceHeld = false;
        this.busy = 0;

        this.canvas = document.createElement("canvas");
        this.canvas.className = "editor-canvas";
        this.canvas.setAttribute("data-testid", "editor-canvas");
        this.canvas.tabIndex = 0;
        box.appendChild(this.canvas);
        this.context = this.canvas.getContext("2d");
        this.image = new Image();
        this.ready = new Promise((resolve, reject) => {
            this.image.onload = () => { this.fit(); resolve(true); };
            this.image.onerror = () => reject(new Error("The frame could not be loaded."));
        });
        this.image.src = options.imageUrl;

        this.listeners = [];
        this.listen(this.canvas, "pointerdown", e => this.onPointerDown(e));
        this.listen(this.canvas, "pointermove", e => this.onPointerMove(e));
        this.listen(this.canvas, "pointerup", e => this.onPointerUp(e));
        this.listen(this.canvas, "pointercancel", () => this.cancelGesture());
        this.listen(this.canvas, "dblclick", e => e.preventDefault());
        this.listen(this.canvas, "wheel", e => this.onWheel(e), { passive: false });
        this.listen(this.canvas, "contextmenu", e => e.preventDefault());
        this.listen(window, "keydown", e => this.onKeyDown(e));
        this.listen(window, "keyup", e => { if (e.code === "Space") this.spaceHeld = false; });
        this.listen(window, "beforeunload", e => { if (this.dirty) { e.preventDefault(); e.returnValue = ""; } });
        this.resizeObserver = new ResizeObserver(() => this.resize());
        this.resizeObserver.observe(box);
        this.resize();
        this.check([]);
    }

    listen(target, type, handler, options) {
        target.addEventListener(type, handler, options);
        this.listeners.push(() => target.removeEventListener(type, handler, options));
    }

    dispose() {
        this.listeners.forEach(remove => remove());
        this.resizeObserver.disconnect();
        this.closePrompt();
        this.canvas.remove();
    }

    // ---- the document, undo and the server's check ------------------------------------------------------------------

    payload() {
        return {
            spots: [...this.spots.values()].sort((a, b) => a.id - b.id).map(s => ({ id: s.id, name: s.name, corners: s.pts.map(p => [p[0], p[1]]) })),
            zones: this.zones.map(z => ({ id: z.id, name: z.name, spots: [...z.spots].sort((a, b) => a - b) })),
        };
    }

    snapshot() {
        return { spots: [...this.spots.values()].map(s => ({ id: s.id, name: s.name, pts: s.pts.map(p => [p[0], p[1]]) })), zones: this.zones.map(z => ({ ...z, spots: [...z.spots] })) };
    }

    restore(snapshot) {
        this.spots = new Map(snapshot.spots.map(s => [s.id, { id: s.id, name: s.name, pts: s.pts.map(p => [p[0], p[1]]) }]));
        this.zones = snapshot.zones.map(z => ({ ...z, spots: [...z.spots] }));
        this.selection = this.selection.filter(id => this.spots.has(id));
    }

    /** Applies an edit as one undo step, then asks the server; an edit that breaks a rule on the spots it touched is taken back. */
    async edit(touched, change) {
        if (this.busy) return false;
        const before = this.snapshot();
        change();
        this.undoStack.push(before);
        if (this.undoStack.length > MAX_UNDO) this.undoStack.shift();
        this.redoStack = [];
        this.dirty = true;
        const refused = await this.check(touched);
        if (refused) {
            this.restore(this.undoStack.pop());
            this.flash = refused;
            this.notify();
            this.draw();
            return false;
        }
        this.flash = null;
        return true;
    }

    /** Asks the server for the rules the spots break now; returns the refusal when a new problem touches <touched>. */
    async check(touched) {
        const previous = new Set(this.problems.map(key));
        this.setBusy(+1);
        let problems;
        try {
            problems = await this.dotnet.invokeMethodAsync("Check", this.payload());
        } catch {
            problems = this.problems;
        } finally {
            this.setBusy(-1);
        }
        const fresh = problems.filter(p => !previous.has(key(p)) && p.spotIds.some(id => touched.includes(id)));
        if (fresh.length > 0) {
            return { message: "Not done: " + fresh[0].message, spotIds: [...new Set(fresh.flatMap(p => p.spotIds))] };
        }
        this.problems = problems;
        this.notify();
        this.draw();
        return null;
    }

    async undo() {
        if (this.busy || this.undoStack.length === 0) return;
        this.redoStack.push(this.snapshot());
        this.restore(this.undoStack.pop());
        this.dirty = true;
        this.flash = null;
        await this.check([]);
    }

    async redo() {
        if (this.busy || this.redoStack.length === 0) return;
        this.undoStack.push(this.snapshot());
        this.restore(this.redoStack.pop());
        this.dirty = true;
        this.flash = null;
        await this.check([]);
    }

    setBusy(delta) {
        this.busy += delta;
        this.canvas.dataset.busy = this.busy > 0 ? "true" : "false";
    }

    nextId() {
        let max = 0;
        for (const id of this.spots.keys()) max = Math.max(max, id);
        return max + 1;
    }

    /** New spots' names: continuing <after>'s trailing number ("A7" -> "A8", "A9"...), else their ids; never a name in use. */
    names(count, ids, after) {
        const used = new Set([...this.spots.values()].map(s => s.name.toLowerCase()));
        const match = after ? /^(.*?)(\d+)$/.exec(after) : null;
        const names = [];
        let number = match ? parseInt(match[2], 10) : 0;
        for (let i = 0; i < count; i++) {
            let name;
            do {
                name = match ? `${match[1]}${++number}` : String(ids[i]);
                if (!match && used.has(name.toLowerCase())) name = `${ids[i]}-${names.length + 1}`;
            } while (match && used.has(name.toLowerCase()));
            used.add(name.toLowerCase());
            names.push(name);
        }
        return names;
    }

    addSpots(quads, after) {
        const first = this.nextId();
        const ids = quads.map((_, i) => first + i);
        const names = this.names(quads.length, ids, after);
        quads.forEach((pts, i) => this.spots.set(ids[i], { id: ids[i], name: names[i], pts: clockwise(pts) }));
        return ids;
    }

    // ---- commands ----------------------------------------------------------------------------------------------------

    async command(name, arg) {
        switch (name) {
            case "undo": return this.undo();
            case "redo": return this.redo();
            case "delete": return this.deleteSelection();
            case "copy": return this.copy();
            case "cut": await this.copy(); return this.deleteSelection();
            case "paste": return this.paste();
            case "fit": return this.fit();
            case "actual": return this.zoomTo(1, this.canvasCentre());
            case "zoomIn": return this.zoomTo(this.view.scale * 1.25, this.canvasCentre());
            case "zoomOut": return this.zoomTo(this.view.scale / 1.25, this.canvasCentre());
            case "selectAll": return this.select([...this.spots.keys()]);
            case "tool": return this.setTool(arg);
            case "selectSpots": return this.select(arg.filter(id => this.spots.has(id)));
            case "renameSpot": return this.edit([arg.id], () => { const s = this.spots.get(arg.id); if (s) s.name = arg.name; });
            case "createZone": {
                const ids = [...this.selection];
                const zoneId = this.zones.reduce((max, z) => Math.max(max, z.id), 0) + 1;
                return this.edit(ids, () => this.zones.push({ id: zoneId, name: arg.name, spots: ids }));
            }
            case "renameZone": return this.edit([], () => { const z = this.zones.find(z => z.id === arg.id); if (z) z.name = arg.name; });
            case "deleteZone": return this.edit([], () => { this.zones = this.zones.filter(z => z.id !== arg); });
            case "addToZone": return this.edit(this.selection, () => {
                const z = this.zones.find(z => z.id === arg);
                if (z) z.spots = [...new Set([...z.spots, ...this.selection])];
            });
            case "removeFromZone": return this.edit([], () => {
                const z = this.zones.find(z => z.id === arg);
                if (z) z.spots = z.spots.filter(id => !this.selection.includes(id));
            });
            case "selectZone": return this.select(this.zones.find(z => z.id === arg)?.spots ?? []);
            case "replaceSpots": {
                const ids = arg.map(s => s.id);
                return this.edit(ids, () => {
                    this.spots = new Map(arg.map(s => [s.id, { id: s.id, name: s.name, pts: s.corners.map(c => [c[0], c[1]]) }]));
                    this.zones = this.zones.map(z => ({ ...z, spots: z.spots.filter(id => this.spots.has(id)) }));
                    this.selection = [];
                });
            }
            case "load": return this.edit([], () => {
                this.spots = new Map(arg.spots.map(s => [s.id, { id: s.id, name: s.name, pts: s.corners.map(c => [c[0], c[1]]) }]));
                this.zones = arg.zones.map(z => ({ id: z.id, name: z.name, spots: [...z.spots] }));
                this.selection = [];
            });
            case "problems": {
                this.problems = arg;
                this.flash = arg.length > 0 ? { message: arg[0].message, spotIds: [...new Set(arg.flatMap(p => p.spotIds))] } : null;
                this.notify();
                return this.draw();
            }
            case "saved": {
                this.dirty = false;
                return this.notify();
            }
        }
    }

    setTool(tool) {
        this.cancelGesture();
        this.polygon = [];
        this.tool = tool;
        this.canvas.dataset.tool = tool;
        if (tool === "repeat" && this.selection.length === 2) {
            const [first, last] = this.selection.map(id => this.spots.get(id).pts);
            this.openRow(first, last, false);
        }
        this.notify();
        this.draw();
    }

    select(ids) {
        this.selection = [...new Set(ids)];
        this.notify();
        this.draw();
    }

    deleteSelection() {
        const ids = [...this.selection];
        if (ids.length === 0) return;
        return this.edit([], () => {
            ids.forEach(id => this.spots.delete(id));
            this.zones = this.zones.map(z => ({ ...z, spots: z.spots.filter(id => !ids.includes(id)) }));
            this.selection = [];
        });
    }

    copy() {
        this.clipboard = this.selection.map(id => this.spots.get(id)).filter(Boolean).map(s => s.pts.map(p => [p[0], p[1]]));
        this.notify();
    }

    /** Pastes the copied spots with their centre at the pointer (when it is over the picture), else beside the originals. */
    paste() {
        if (this.clipboard.length === 0) return;
        const all = this.clipboard.flat();
        const bounds = boundsOf(all);
        const centre = [(bounds.left + bounds.right) / 2, (bounds.top + bounds.bottom) / 2];
        const target = this.pointer && this.inFrame(this.pointer) ? this.pointer : [centre[0] + bounds.right - bounds.left + 10, centre[1]];
        const dx = Math.round(target[0] - centre[0]), dy = Math.round(target[1] - centre[1]);
        const quads = this.clipboard.map(pts => pts.map(p => [p[0] + dx, p[1] + dy]));
        let ids = [];
        return this.edit(this.nextIds(quads.length), () => { ids = this.addSpots(quads); this.selection = ids; });
    }

    nextIds(count) {
        const first = this.nextId();
        return Array.from({ length: count }, (_, i) => first + i);
    }

    // ---- view ----------------------------------------------------------------------------------------------------------

    resize() {
        const ratio = window.devicePixelRatio || 1;
        const width = Math.max(1, this.box.clientWidth), height = Math.max(1, this.box.clientHeight);
        this.canvas.width = Math.round(width * ratio);
        this.canvas.height = Math.round(height * ratio);
        this.canvas.style.width = width + "px";
        this.canvas.style.height = height + "px";
        if (!this.view) this.view = { scale: 1, ox: 0, oy: 0 };
        this.draw();
    }

    canvasCentre() {
        return [this.box.clientWidth / 2, this.box.clientHeight / 2];
    }

    fit() {
        const width = this.box.clientWidth, height = this.box.clientHeight;
        const scale = Math.min(width / this.frame.width, height / this.frame.height) * 0.98;
        this.setView(scale, (width - this.frame.width * scale) / 2, (height - this.frame.height * scale) / 2);
    }

    /** Zooms to <scale>, keeping the frame point under the screen point <at> where it is. At 100 % the picture sits on whole pixels. */
    zoomTo(scale, at) {
        scale = Math.min(MAX_SCALE, Math.max(MIN_SCALE, scale));
        const frame = this.toFrame(at);
        let ox = at[0] - frame[0] * scale, oy = at[1] - frame[1] * scale;
        if (scale === 1) { ox = Math.round(ox); oy = Math.round(oy); }
        this.setView(scale, ox, oy);
    }

    setView(scale, ox, oy) {
        this.view = { scale, ox, oy };
        this.canvas.dataset.scale = String(scale);
        this.canvas.dataset.offsetX = String(ox);
        this.canvas.dataset.offsetY = String(oy);
        this.notify();
        this.draw();
    }

    toFrame([x, y]) {
        return [(x - this.view.ox) / this.view.scale, (y - this.view.oy) / this.view.scale];
    }

    toScreen([x, y]) {
        return [x * this.view.scale + this.view.ox, y * this.view.scale + this.view.oy];
    }

    inFrame([x, y]) {
        return x >= 0 && y >= 0 && x <= this.frame.width && y <= this.frame.height;
    }

    screenPoint(event) {
        const rect = this.canvas.getBoundingClientRect();
        return [event.clientX - rect.left, event.clientY - rect.top];
    }

    onWheel(event) {
        event.preventDefault();
        const at = this.screenPoint(event);
        if (event.ctrlKey || event.metaKey) {
            // Pinch on a touch pad arrives as ctrl+wheel; so does ctrl+wheel on a mouse.
            this.zoomTo(this.view.scale * Math.exp(-event.deltaY * 0.01), at);
        } else {
            // Two-finger scroll on a touch pad, or the wheel (shift: sideways), pans.
            const dx = event.shiftKey && event.deltaX === 0 ? event.deltaY : event.deltaX;
            const dy = event.shiftKey && event.deltaX === 0 ? 0 : event.deltaY;
            this.setView(this.view.scale, this.view.ox - dx, this.view.oy - dy);
        }
    }

    // ---- pointer ---------------------------------------------------------------------------------------------------

    onPointerDown(event) {
        if (this.busy || this.prompt) return;
        this.canvas.focus();
        const screen = this.screenPoint(event);
        const point = this.toFrame(screen);
        this.pointer = point;
        this.canvas.setPointerCapture(event.pointerId);
        if (event.button === 1 || (event.button === 0 && this.spaceHeld)) {
            this.gesture = { kind: "pan", start: screen, view: { ...this.view } };
            return;
        }
        if (event.button !== 0) return;
        const snap = !event.altKey;
        switch (this.tool) {
            case "rect":
                this.gesture = { kind: "rect", start: this.snapped(point, snap), end: this.snapped(point, snap) };
                break;
            case "polygon":
                this.polygon.push(this.snapped(point, snap));
                if (this.polygon.length === 4) this.finishPolygon();
                break;
            case "repeat":
                if (this.selection.length === 1) {
                    this.gesture = { kind: "repeat", start: point, offset: [0, 0], pts: this.spots.get(this.selection[0]).pts };
                } else {
                    this.flash = { message: "Repeat a row: select the row's first bay and drag to where its last bay is, or select the two end bays.", spotIds: [] };
                    this.notify();
                }
                break;
            default:
                this.startSelectGesture(event, screen, point);
        }
        this.draw();
    }

    startSelectGesture(event, screen, point) {
        const handle = this.handleAt(screen);
        if (handle) {
            this.gesture = { ...handle, start: point, before: this.selectedPoints() };
            return;
        }
        const hit = this.spotAt(point);
        if (hit !== null) {
            if (event.shiftKey || event.ctrlKey || event.metaKey) {
                this.select(this.selection.includes(hit) ? this.selection.filter(id => id !== hit) : [...this.selection, hit]);
                return;
            }
            if (!this.selection.includes(hit)) this.select([hit]);
            this.gesture = { kind: "move", start: point, before: this.selectedPoints(), offset: [0, 0] };
            return;
        }
        this.gesture = { kind: "marquee", start: point, end: point, add: event.shiftKey ? [...this.selection] : [] };
        if (!event.shiftKey) this.select([]);
    }

    onPointerMove(event) {
        const screen = this.screenPoint(event);
        const point = this.toFrame(screen);
        this.pointer = point;
        const gesture = this.gesture;
        if (!gesture) {
            if (this.tool === "polygon" && this.polygon.length > 0) this.draw();
            this.canvas.style.cursor = this.cursorAt(screen, point);
            return;
        }
        const snap = !event.altKey;
        switch (gesture.kind) {
            case "pan":
                this.setView(gesture.view.scale, gesture.view.ox + screen[0] - gesture.start[0], gesture.view.oy + screen[1] - gesture.start[1]);
                return;
            case "rect":
                gesture.end = this.snapped(point, snap);
                break;
            case "marquee":
                gesture.end = point;
                break;
            case "repeat":
                gesture.offset = [point[0] - gesture.start[0], point[1] - gesture.start[1]];
                break;
            case "move": {
                let dx = Math.round(point[0] - gesture.start[0]), dy = Math.round(point[1] - gesture.start[1]);
                if (snap) [dx, dy] = this.snapOffset(gesture.before, dx, dy);
                gesture.offset = [dx, dy];
                this.applyToSelection(gesture.before, p => [p[0] + dx, p[1] + dy]);
                break;
            }
            case "corner": {
                const target = this.snapped(point, snap, gesture.id);
                const spot = this.spots.get(gesture.id);
                spot.pts = gesture.before.get(gesture.id).map((p, i) => i === gesture.corner ? target : p);
                break;
            }
            case "edge": {
                // Moves one edge along its outward normal: a resize that keeps the spot's angle.
                const spot = this.spots.get(gesture.id);
                const pts = gesture.before.get(gesture.id);
                const [a, b] = [pts[gesture.edge], pts[(gesture.edge + 1) % 4]];
                const normal = unit([b[1] - a[1], a[0] - b[0]]);
                const distance = (point[0] - gesture.start[0]) * normal[0] + (point[1] - gesture.start[1]) * normal[1];
                const shift = [normal[0] * distance, normal[1] * distance];
                spot.pts = pts.map((p, i) => i === gesture.edge || i === (gesture.edge + 1) % 4 ? roundPoint([p[0] + shift[0], p[1] + shift[1]]) : p);
                break;
            }
            case "rotate": {
                const centre = gesture.centre;
                let angle = Math.atan2(point[1] - centre[1], point[0] - centre[0]) - Math.atan2(gesture.start[1] - centre[1], gesture.start[0] - centre[0]);
                if (event.shiftKey) angle = Math.round(angle / (Math.PI / 12)) * (Math.PI / 12);
                gesture.angle = angle;
                this.applyToSelection(gesture.before, p => rotate(p, centre, angle));
                break;
            }
        }
        this.draw();
    }

    async onPointerUp(event) {
        const gesture = this.gesture;
        this.gesture = null;
        if (this.canvas.hasPointerCapture(event.pointerId)) this.canvas.releasePointerCapture(event.pointerId);
        if (!gesture) return;
        switch (gesture.kind) {
            case "rect": {
                const [a, b] = [gesture.start, gesture.end];
                const left = Math.min(a[0], b[0]), right = Math.max(a[0], b[0]), top = Math.min(a[1], b[1]), bottom = Math.max(a[1], b[1]);
                if (right - left < 2 || bottom - top < 2) break;
                const quad = [[left, top], [right, top], [right, bottom], [left, bottom]];
                let ids = [];
                await this.edit(this.nextIds(1), () => { ids = this.addSpots([quad]); this.selection = ids; });
                break;
            }
            case "marquee": {
                const box = boundsOf([gesture.start, gesture.end]);
                const inside = [...this.spots.values()].filter(s => s.pts.every(p => p[0] >= box.left && p[0] <= box.right && p[1] >= box.top && p[1] <= box.bottom)).map(s => s.id);
                this.select([...gesture.add, ...inside]);
                break;
            }
            case "repeat": {
                const [dx, dy] = gesture.offset;
                if (Math.hypot(dx, dy) * this.view.scale < 5) break;
                this.openRow(gesture.pts, gesture.pts.map(p => [p[0] + dx, p[1] + dy]), true);
                break;
            }
            case "move":
            case "corner":
            case "edge":
            case "rotate": {
                const after = this.selectedPoints();
                this.applyToSelection(gesture.before, p => p);
                const moved = [...after.keys()].some(id => !samePoints(after.get(id), gesture.before.get(id)));
                if (moved) await this.edit([...after.keys()], () => after.forEach((pts, id) => { this.spots.get(id).pts = clockwise(pts); }));
                break;
            }
        }
        this.draw();
    }

    cancelGesture() {
        if (this.gesture?.before) this.applyToSelection(this.gesture.before, p => p);
        this.gesture = null;
        this.draw();
    }

    selectedPoints() {
        return new Map(this.selection.map(id => [id, this.spots.get(id).pts.map(p => [p[0], p[1]])]));
    }

    applyToSelection(before, map) {
        before.forEach((pts, id) => { const spot = this.spots.get(id); if (spot) spot.pts = pts.map(map); });
    }

    finishPolygon() {
        const corners = this.polygon;
        this.polygon = [];
        // Clicked in any order: take the corners around their centre.
        const centre = [corners.reduce((s, p) => s + p[0], 0) / 4, corners.reduce((s, p) => s + p[1], 0) / 4];
        const around = [...corners].sort((a, b) => Math.atan2(a[1] - centre[1], a[0] - centre[0]) - Math.atan2(b[1] - centre[1], b[0] - centre[0]));
        let ids = [];
        return this.edit(this.nextIds(1), () => { ids = this.addSpots([around]); this.selection = ids; });
    }

    /** A corner snaps to another spot's corner within SNAP screen px, else to whole pixels. */
    snapped(point, snap, exceptId) {
        if (snap) {
            let best = null, bestDistance = SNAP / this.view.scale;
            for (const spot of this.spots.values()) {
                if (spot.id === exceptId) continue;
                for (const p of spot.pts) {
                    const distance = Math.hypot(p[0] - point[0], p[1] - point[1]);
                    if (distance < bestDistance) { best = p; bestDistance = distance; }
                }
            }
            if (best) return [best[0], best[1]];
        }
        return roundPoint(point);
    }

    /** A moved selection snaps so that its nearest corner meets another spot's corner within SNAP screen px. */
    snapOffset(before, dx, dy) {
        let best = null, bestDistance = SNAP / this.view.scale;
        for (const pts of before.values()) {
            for (const p of pts) {
                const moved = [p[0] + dx, p[1] + dy];
                for (const spot of this.spots.values()) {
                    if (before.has(spot.id)) continue;
                    for (const q of spot.pts) {
                        const distance = Math.hypot(q[0] - moved[0], q[1] - moved[1]);
                        if (distance < bestDistance) { best = [dx + q[0] - moved[0], dy + q[1] - moved[1]]; bestDistance = distance; }
                    }
                }
            }
        }
        return best ?? [dx, dy];
    }

    spotAt(point) {
        const spots = [...this.spots.values()];
        for (let i = spots.length - 1; i >= 0; i--) {
            if (contains(spots[i].pts, point)) return spots[i].id;
        }
        return null;
    }

    /** The handle under a screen point: a corner or an edge of the one selected spot, or the rotation handle of the selection. */
    handleAt(screen) {
        if (this.selection.length === 0) return null;
        const rotation = this.rotationHandle();
        if (rotation && Math.hypot(rotation.at[0] - screen[0], rotation.at[1] - screen[1]) <= HANDLE + 3) {
            return { kind: "rotate", centre: rotation.centre };
        }
        if (this.selection.length !== 1) return null;
        const id = this.selection[0];
        const pts = this.spots.get(id).pts.map(p => this.toScreen(p));
        for (let corner = 0; corner < 4; corner++) {
            if (Math.abs(pts[corner][0] - screen[0]) <= HANDLE + 2 && Math.abs(pts[corner][1] - screen[1]) <= HANDLE + 2) return { kind: "corner", id, corner };
        }
        for (let edge = 0; edge < 4; edge++) {
            const middle = midpoint(pts[edge], pts[(edge + 1) % 4]);
            if (Math.hypot(middle[0] - screen[0], middle[1] - screen[1]) <= HANDLE + 1) return { kind: "edge", id, edge };
        }
        return null;
    }

    rotationHandle() {
        const points = this.selection.flatMap(id => this.spots.get(id)?.pts ?? []);
        if (points.length === 0) return null;
        const bounds = boundsOf(points);
        const centre = [(bounds.left + bounds.right) / 2, (bounds.top + bounds.bottom) / 2];
        const top = this.toScreen([centre[0], bounds.top]);
        return { centre, at: [top[0], top[1] - ROTATE_OFFSET] };
    }

    cursorAt(screen, point) {
        if (this.spaceHeld) return "grab";
        if (this.tool !== "select") return "crosshair";
        const handle = this.handleAt(screen);
        if (handle) return handle.kind === "rotate" ? "grab" : "pointer";
        return this.spotAt(point) !== null ? "move" : "default";
    }

    // ---- repeat a row ------------------------------------------------------------------------------------------------

    /** Asks how many bays the row holds; the server spaces them between <first> and <last> following their perspective. */
    openRow(first, last, lastIsNew) {
        const direction = [centreOf(last)[0] - centreOf(first)[0], centreOf(last)[1] - centreOf(first)[1]];
        const length = Math.hypot(direction[0], direction[1]);
        const along = length > 0 ? [direction[0] / length, direction[1] / length] : [1, 0];
        const projections = first.map(p => p[0] * along[0] + p[1] * along[1]);
        const extent = Math.max(...projections) - Math.min(...projections);
        const guess = Math.max(2, Math.min(1000, Math.round(length / Math.max(1, extent)) + 1));
        this.row = { first, last, lastIsNew, count: guess, preview: [] };
        this.showPrompt(guess);
        this.previewRow();
    }

    showPrompt(count) {
        this.closePrompt();
        const prompt = document.createElement("form");
        prompt.className = "repeat-prompt";
        prompt.setAttribute("data-testid", "repeat-prompt");
        prompt.innerHTML = `<label>Bays in the row <input type="number" min="2" max="1000" step="1" data-testid="repeat-count"></label>
            <button type="submit" data-testid="repeat-fill">Fill</button><button type="button" data-testid="repeat-cancel">Cancel</button>`;
        const input = prompt.querySelector("input");
        input.value = String(count);
        let timer = null;
        input.addEventListener("input", () => {
            clearTimeout(timer);
            timer = setTimeout(() => {
                const value = parseInt(input.value, 10);
                if (value >= 2 && value <= 1000) { this.row.count = value; this.previewRow(); }
            }, 80);
        });
        input.addEventListener("keydown", e => { e.stopPropagation(); if (e.key === "Escape") this.closeRow(); });
        prompt.addEventListener("submit", e => {
            e.preventDefault();
            clearTimeout(timer);
            const value = parseInt(input.value, 10);
            if (!(value >= 2 && value <= 1000)) { input.setCustomValidity("From 2 to 1000 bays."); input.reportValidity(); return; }
            this.row.count = value;
            this.fillRow();
        });
        prompt.querySelector("[data-testid=repeat-cancel]").addEventListener("click", () => this.closeRow());
        const anchor = this.toScreen(centreOf(this.row.last));
        prompt.style.left = Math.max(8, Math.min(this.box.clientWidth - 260, anchor[0] + 12)) + "px";
        prompt.style.top = Math.max(8, Math.min(this.box.clientHeight - 60, anchor[1] + 12)) + "px";
        this.box.appendChild(prompt);
        this.prompt = prompt;
        input.focus();
        input.select();
        this.canvas.dataset.prompt = "open";
    }

    closePrompt() {
        this.prompt?.remove();
        this.prompt = null;
        this.canvas.dataset.prompt = "closed";
    }

    closeRow() {
        this.row = null;
        this.closePrompt();
        this.canvas.focus();
        this.draw();
    }

    async previewRow() {
        const row = this.row;
        if (!row) return;
        const result = await this.rowQuads(row);
        if (this.row === row && result.quads) {
            row.preview = result.quads;
            this.flash = null;
        } else if (this.row === row) {
            this.flash = { message: result.error, spotIds: [] };
        }
        this.notify();
        this.draw();
    }

    async rowQuads(row) {
        this.setBusy(+1);
        try {
            return await this.dotnet.invokeMethodAsync("Row", row.first, row.last, row.count);
        } catch (error) {
            return { error: String(error.message ?? error) };
        } finally {
            this.setBusy(-1);
        }
    }

    /** Adds the row's bays after the first (the last too when it was dragged out) as one undo step. */
    async fillRow() {
        const row = this.row;
        const result = await this.rowQuads(row);
        if (!result.quads) {
            this.flash = { message: result.error, spotIds: [] };
            this.notify();
            return;
        }
        const added = result.quads.slice(1, row.lastIsNew ? result.quads.length : result.quads.length - 1);
        const firstName = [...this.spots.values()].find(s => samePoints(s.pts, row.first))?.name;
        this.closeRow();
        let ids = [];
        await this.edit(this.nextIds(added.length), () => { ids = this.addSpots(added, firstName); this.selection = ids; });
    }

    // ---- keyboard --------------------------------------------------------------------------------------------------

    onKeyDown(event) {
        const target = event.target;
        if (target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement || target?.isContentEditable) return;
        if (!this.box.isConnected) return;
        const ctrl = event.ctrlKey || event.metaKey;
        const key = event.key.toLowerCase();
        let handled = true;
        if (event.code === "Space") {
            this.spaceHeld = true;
        } else if (ctrl && key === "z") {
            event.shiftKey ? this.redo() : this.undo();
        } else if (ctrl && key === "y") {
            this.redo();
        } else if (ctrl && key === "c") {
            this.copy();
        } else if (ctrl && key === "x") {
            this.command("cut");
        } else if (ctrl && key === "v") {
            this.paste();
        } else if (ctrl && key === "a") {
            this.select([...this.spots.keys()]);
        } else if (ctrl && key === "s") {
            this.dotnet.invokeMethodAsync("Save");
        } else if (ctrl) {
            handled = false;
        } else if (key === "delete" || key === "backspace") {
            if (this.tool === "polygon" && this.polygon.length > 0) { this.polygon.pop(); this.draw(); } else this.deleteSelection();
        } else if (key === "escape") {
            if (this.row) this.closeRow();
            else if (this.gesture) this.cancelGesture();
            else if (this.polygon.length > 0) { this.polygon = []; this.draw(); }
            else if (this.tool !== "select") this.setTool("select");
            else this.select([]);
        } else if (key === "v") {
            this.setTool("select");
        } else if (key === "r") {
            this.setTool("rect");
        } else if (key === "p") {
            this.setTool("polygon");
        } else if (key === "a") {
            this.setTool("repeat");
        } else if (key.startsWith("arrow") && this.selection.length > 0) {
            const step = event.shiftKey ? 10 : 1;
            const [dx, dy] = { arrowleft: [-step, 0], arrowright: [step, 0], arrowup: [0, -step], arrowdown: [0, step] }[key];
            const ids = [...this.selection];
            this.edit(ids, () => ids.forEach(id => { const s = this.spots.get(id); s.pts = s.pts.map(p => [p[0] + dx, p[1] + dy]); }));
        } else if ((key === "[" || key === "]") && this.selection.length > 0) {
            const angle = (key === "[" ? -1 : 1) * (event.shiftKey ? 15 : 1) * Math.PI / 180;
            const centre = this.rotationHandle().centre;
            const ids = [...this.selection];
            this.edit(ids, () => ids.forEach(id => { const s = this.spots.get(id); s.pts = s.pts.map(p => rotate(p, centre, angle)); }));
        } else if (key === "+" || key === "=") {
            this.command("zoomIn");
        } else if (key === "-") {
            this.command("zoomOut");
        } else if (key === "0") {
            this.fit();
        } else if (key === "1") {
            this.command("actual");
        } else {
            handled = false;
        }
        if (handled) event.preventDefault();
    }

    // ---- drawing -------------------------------------------------------------------------------------------------

    /** Tells the page what changed: at once on the canvas's data attributes, to .NET at most every 50 ms (a pan changes the view per pointer move). */
    notify() {
        this.canvas.dataset.spots = String(this.spots.size);
        this.canvas.dataset.selected = String(this.selection.length);
        this.canvas.dataset.tool = this.tool;
        this.canvas.dataset.dirty = String(this.dirty);
        if (this.notifyPending) return;
        this.notifyPending = true;
        setTimeout(() => {
            this.notifyPending = false;
            this.sendState();
        }, 50);
    }

    sendState() {
        this.dotnet.invokeMethodAsync("OnChanged", {
            tool: this.tool,
            spotCount: this.spots.size,
            selection: this.selection.map(id => ({ id, name: this.spots.get(id)?.name ?? "" })),
            zones: this.zones.map(z => ({ id: z.id, name: z.name, spots: z.spots })),
            problems: this.problems,
            flash: this.flash?.message ?? null,
            canUndo: this.undoStack.length > 0,
            canRedo: this.redoStack.length > 0,
            canPaste: this.clipboard.length > 0,
            dirty: this.dirty,
            zoom: this.view?.scale ?? 1,
            row: this.row ? { count: this.row.count } : null,
        }).catch(() => { });
    }

    draw() {
        if (this.drawPending) return;
        this.drawPending = true;
        requestAnimationFrame(() => {
            this.drawPending = false;
            this.paint();
        });
    }

    paint() {
        const g = this.context;
        const ratio = window.devicePixelRatio || 1;
        const { scale, ox, oy } = this.view;
        g.setTransform(1, 0, 0, 1, 0, 0);
        g.fillStyle = "#1b1f24";
        g.fillRect(0, 0, this.canvas.width, this.canvas.height);
        g.setTransform(ratio * scale, 0, 0, ratio * scale, ratio * ox, ratio * oy);
        g.imageSmoothingEnabled = scale < 2;
        if (this.image.complete && this.image.naturalWidth > 0) g.drawImage(this.image, 0, 0, this.frame.width, this.frame.height);
        g.setTransform(ratio, 0, 0, ratio, 0, 0);

        const troubled = new Set([...this.problems.flatMap(p => p.spotIds), ...(this.flash?.spotIds ?? [])]);
        const selected = new Set(this.selection);
        const showNames = this.spots.size > 0 && this.medianSize() * scale > 26;
        g.lineJoin = "round";
        for (const spot of this.spots.values()) {
            const pts = spot.pts.map(p => this.toScreen(p));
            const trouble = troubled.has(spot.id);
            const chosen = selected.has(spot.id);
            path(g, pts);
            g.fillStyle = trouble ? "rgba(229, 57, 53, 0.40)" : chosen ? "rgba(255, 193, 7, 0.30)" : "rgba(66, 165, 245, 0.22)";
            g.fill();
            g.lineWidth = trouble || chosen ? 2.5 : 1.5;
            g.strokeStyle = trouble ? "#ff5252" : chosen ? "#ffc107" : "#64b5f6";
            g.stroke();
            if (showNames) {
                const centre = centreOf(pts);
                g.font = "600 12px system-ui, sans-serif";
                g.textAlign = "center";
                g.textBaseline = "middle";
                g.lineWidth = 3;
                g.strokeStyle = "rgba(0, 0, 0, 0.7)";
                g.strokeText(spot.name, centre[0], centre[1]);
                g.fillStyle = "#fff";
                g.fillText(spot.name, centre[0], centre[1]);
            }
        }
        this.paintHandles(g);
        this.paintGesture(g);
    }

    paintHandles(g) {
        if (this.selection.length === 0 || this.tool !== "select") return;
        const rotation = this.rotationHandle();
        if (rotation) {
            const top = [rotation.at[0], rotation.at[1] + ROTATE_OFFSET];
            g.beginPath();
            g.moveTo(top[0], top[1]);
            g.lineTo(rotation.at[0], rotation.at[1]);
            g.strokeStyle = "#ffc107";
            g.lineWidth = 1.5;
            g.stroke();
            g.beginPath();
            g.arc(rotation.at[0], rotation.at[1], HANDLE - 1, 0, Math.PI * 2);
            g.fillStyle = "#ffc107";
            g.fill();
        }
        if (this.selection.length !== 1) return;
        const pts = this.spots.get(this.selection[0]).pts.map(p => this.toScreen(p));
        for (const p of pts) {
            g.fillStyle = "#fff";
            g.strokeStyle = "#ff8f00";
            g.lineWidth = 1.5;
            g.fillRect(p[0] - HANDLE / 2 - 1, p[1] - HANDLE / 2 - 1, HANDLE + 2, HANDLE + 2);
            g.strokeRect(p[0] - HANDLE / 2 - 1, p[1] - HANDLE / 2 - 1, HANDLE + 2, HANDLE + 2);
        }
        for (let edge = 0; edge < 4; edge++) {
            const m = midpoint(pts[edge], pts[(edge + 1) % 4]);
            g.beginPath();
            g.arc(m[0], m[1], HANDLE / 2, 0, Math.PI * 2);
            g.fillStyle = "#ff8f00";
            g.fill();
        }
    }

    paintGesture(g) {
        const gesture = this.gesture;
        g.setLineDash([6, 4]);
        g.lineWidth = 1.5;
        if (gesture?.kind === "rect" || gesture?.kind === "marquee") {
            const a = this.toScreen(gesture.start), b = this.toScreen(gesture.end);
            g.strokeStyle = gesture.kind === "rect" ? "#ffc107" : "#ffffff";
            g.strokeRect(Math.min(a[0], b[0]), Math.min(a[1], b[1]), Math.abs(b[0] - a[0]), Math.abs(b[1] - a[1]));
        }
        if (gesture?.kind === "repeat") {
            const ghost = gesture.pts.map(p => this.toScreen([p[0] + gesture.offset[0], p[1] + gesture.offset[1]]));
            path(g, ghost);
            g.strokeStyle = "#ffc107";
            g.stroke();
            const from = this.toScreen(centreOf(gesture.pts)), to = centreOf(ghost);
            g.beginPath();
            g.moveTo(from[0], from[1]);
            g.lineTo(to[0], to[1]);
            g.stroke();
        }
        if (this.tool === "polygon" && this.polygon.length > 0) {
            const pts = [...this.polygon, ...(this.pointer ? [this.pointer] : [])].map(p => this.toScreen(p));
            g.beginPath();
            pts.forEach((p, i) => i === 0 ? g.moveTo(p[0], p[1]) : g.lineTo(p[0], p[1]));
            g.strokeStyle = "#ffc107";
            g.stroke();
            for (const p of pts.slice(0, this.polygon.length)) {
                g.fillStyle = "#ffc107";
                g.fillRect(p[0] - 3, p[1] - 3, 6, 6);
            }
        }
        if (this.row) {
            for (const quad of this.row.preview) {
                path(g, quad.map(p => this.toScreen(p)));
                g.strokeStyle = "#ffc107";
                g.stroke();
                g.fillStyle = "rgba(255, 193, 7, 0.15)";
                g.fill();
            }
        }
        g.setLineDash([]);
    }

    medianSize() {
        const sizes = [...this.spots.values()].slice(0, 200).map(s => { const b = boundsOf(s.pts); return Math.min(b.right - b.left, b.bottom - b.top); }).sort((a, b) => a - b);
        return sizes[Math.floor(sizes.length / 2)] ?? 0;
    }
}

// ---- small geometry for interaction (hit tests, handles); the rules and the row's perspective are the server's ----------

function key(problem) {
    return problem.kind + ":" + [...problem.spotIds].sort((a, b) => a - b).join(",");
}

function path(g, pts) {
    g.beginPath();
    pts.forEach((p, i) => i === 0 ? g.moveTo(p[0], p[1]) : g.lineTo(p[0], p[1]));
    g.closePath();
}

function contains(pts, [x, y]) {
    let inside = false;
    for (let i = 0, j = pts.length - 1; i < pts.length; j = i++) {
        const [xi, yi] = pts[i], [xj, yj] = pts[j];
        if ((yi > y) !== (yj > y) && x < (xj - xi) * (y - yi) / (yj - yi) + xi) inside = !inside;
    }
    return inside;
}

function clockwise(pts) {
    let twice = 0;
    for (let i = 0; i < 4; i++) twice += pts[i][0] * pts[(i + 1) % 4][1] - pts[i][1] * pts[(i + 1) % 4][0];
    return twice >= 0 ? pts : [pts[0], pts[3], pts[2], pts[1]];
}

function boundsOf(points) {
    return {
        left: Math.min(...points.map(p => p[0])), right: Math.max(...points.map(p => p[0])),
        top: Math.min(...points.map(p => p[1])), bottom: Math.max(...points.map(p => p[1])),
    };
}

function centreOf(pts) {
    return [pts.reduce((s, p) => s + p[0], 0) / pts.length, pts.reduce((s, p) => s + p[1], 0) / pts.length];
}

function midpoint(a, b) {
    return [(a[0] + b[0]) / 2, (a[1] + b[1]) / 2];
}

function unit([x, y]) {
    const length = Math.hypot(x, y) || 1;
    return [x / length, y / length];
}

function rotate([x, y], [cx, cy], angle) {
    const cos = Math.cos(angle), sin = Math.sin(angle);
    return [cx + (x - cx) * cos - (y - cy) * sin, cy + (x - cx) * sin + (y - cy) * cos];
}

function roundPoint([x, y]) {
    return [Math.round(x), Math.round(y)];
}

function samePoints(a, b) {
    return a.length === b.length && a.every((p, i) => Math.abs(p[0] - b[i][0]) < 1e-9 && Math.abs(p[1] - b[i][1]) < 1e-9);
}

#include "models/diagram_layout.h"

#include <algorithm>
#include <cmath>
#include <vector>

namespace ferry {

namespace {

using Adjacency = std::vector<std::vector<int>>;

// The edges that close a cycle, found by a depth-first walk in index order; without them the
// graph is acyclic and has layers.
Adjacency acyclicChildren(int n, const QList<QPair<int, int>> &edges)
{
    Adjacency all(static_cast<size_t>(n));
    for (const auto &e : edges)
        if (e.first != e.second && e.first >= 0 && e.second >= 0 && e.first < n && e.second < n)
            all[size_t(e.first)].push_back(e.second);
    Adjacency kept(static_cast<size_t>(n));
    std::vector<int> state(size_t(n), 0); // 0 new, 1 on the stack, 2 done
    // Iterative: 200 tables in one chain must not exhaust the stack.
    for (int start = 0; start < n; ++start) {
        if (state[size_t(start)] != 0)
            continue;
        std::vector<std::pair<int, size_t>> stack{{start, 0}};
        state[size_t(start)] = 1;
        while (!stack.empty()) {
            auto &[node, next] = stack.back();
            const std::vector<int> &out = all[size_t(node)];
            if (next == out.size()) {
                state[size_t(node)] = 2;
                stack.pop_back();
                continue;
            }
            const int child = out[next++];
            if (state[size_t(child)] == 1)
                continue; // back edge: closes a cycle
            kept[size_t(node)].push_back(child);
            if (state[size_t(child)] == 0) {
                state[size_t(child)] = 1;
                stack.push_back({child, 0});
            }
        }
    }
    return kept;
}

// Longest path from a source: a child always sits at least one layer right of each parent.
std::vector<int> layersOf(const Adjacency &children)
{
    const size_t n = children.size();
    std::vector<int> indegree(n, 0), layer(n, 0);
    for (const auto &out : children)
        for (int c : out)
            ++indegree[size_t(c)];
    std::vector<int> ready;
    for (size_t i = 0; i < n; ++i)
        if (indegree[i] == 0)
            ready.push_back(int(i));
    for (size_t k = 0; k < ready.size(); ++k) {
        const int node = ready[k];
        for (int c : children[size_t(node)]) {
            layer[size_t(c)] = std::max(layer[size_t(c)], layer[size_t(node)] + 1);
            if (--indegree[size_t(c)] == 0)
                ready.push_back(c);
        }
    }
    return layer;
}

} // namespace

DiagramLayout layoutDiagram(const QList<QSizeF> &sizes, const QList<QPair<int, int>> &edges,
                            const DiagramLayoutOptions &options)
{
    DiagramLayout out;
    const int n = int(sizes.size());
    if (n == 0)
        return out;
    const Adjacency children = acyclicChildren(n, edges);
    const std::vector<int> layer = layersOf(children);
    const int layerCount = *std::max_element(layer.begin(), layer.end()) + 1;

    Adjacency parents(static_cast<size_t>(n));
    for (int p = 0; p < n; ++p)
        for (int c : children[size_t(p)])
            parents[size_t(c)].push_back(p);

    // Order each layer by the mean position of its parents (one sweep), so that links
    // mostly run straight; ties keep the input order.
    std::vector<std::vector<int>> order(static_cast<size_t>(layerCount));
    for (int i = 0; i < n; ++i)
        order[size_t(layer[size_t(i)])].push_back(i);
    std::vector<double> position(size_t(n), 0);
    for (int l = 0; l < layerCount; ++l) {
        std::vector<int> &nodes = order[size_t(l)];
        std::vector<double> key(size_t(n), 0);
        for (int node : nodes) {
            const auto &ps = parents[size_t(node)];
            double sum = 0;
            for (int p : ps)
                sum += position[size_t(p)];
            key[size_t(node)] = ps.empty() ? 1e9 + node : sum / double(ps.size());
        }
        if (l > 0)
            std::stable_sort(nodes.begin(), nodes.end(),
                             [&key](int a, int b) { return key[size_t(a)] < key[size_t(b)]; });
        for (size_t k = 0; k < nodes.size(); ++k)
            position[size_t(nodes[k])] = double(k) / double(std::max<size_t>(1, nodes.size()));
    }

    qreal maxHeight = options.maxColumnHeight;
    qreal tallest = 0, area = 0;
    for (const QSizeF &s : sizes) {
        tallest = std::max(tallest, s.height());
        area += (s.width() + options.columnGap) * (s.height() + options.rowGap);
    }
    if (maxHeight <= 0)
        maxHeight = std::sqrt(area); // about square: a wrapped layer is the exception
    maxHeight = std::max(maxHeight, tallest);
    // A wrapped layer's links to its children pass behind its later columns: never wrap a
    // layer of a few boxes, only the long ones a large schema has.
    if (options.maxColumnHeight <= 0)
        for (const auto &nodes : order) {
            if (nodes.size() > 6)
                continue;
            qreal h = 0;
            for (int node : nodes)
                h += sizes[node].height() + options.rowGap;
            maxHeight = std::max(maxHeight, h - options.rowGap);
        }

    // Columns left to right; a layer that does not fit the height wraps into more columns.
    struct Column {
        QList<int> nodes;
        qreal width = 0;
        qreal height = 0;
    };
    std::vector<Column> columns;
    for (const auto &nodes : order) {
        columns.emplace_back();
        for (int node : nodes) {
            const QSizeF s = sizes[node];
            Column *c = &columns.back();
            if (!c->nodes.isEmpty() && c->height + options.rowGap + s.height() > maxHeight) {
                columns.emplace_back();
                c = &columns.back();
            }
            c->height += (c->nodes.isEmpty() ? 0 : options.rowGap) + s.height();
            c->width = std::max(c->width, s.width());
            c->nodes.append(node);
        }
    }
    qreal totalHeight = 0;
    for (const Column &c : columns)
        totalHeight = std::max(totalHeight, c.height);

    out.boxes.resize(n);
    out.layers.resize(n);
    qreal x = 0;
    for (const Column &c : columns) {
        qreal y = std::floor((totalHeight - c.height) / 2); // columns centred on each other
        for (int node : c.nodes) {
            out.boxes[node] = QRectF(QPointF(x, y), sizes[node]);
            out.layers[node] = layer[size_t(node)];
            y += sizes[node].height() + options.rowGap;
        }
        x += c.width + options.columnGap;
    }
    out.bounds = QRectF(0, 0, std::max<qreal>(0, x - options.columnGap), totalHeight);
    return out;
}

} // namespace ferry

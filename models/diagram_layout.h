#pragma once

#include <QList>
#include <QPair>
#include <QRectF>
#include <QSizeF>

namespace ferry {

struct DiagramLayoutOptions {
    qreal columnGap = 64; // room for the links between layers
    qreal rowGap = 24;
    // A layer taller than this wraps into several columns; 0 = chosen from the total area so
    // that the drawing comes out about square.
    qreal maxColumnHeight = 0;
};

struct DiagramLayout {
    QList<QRectF> boxes; // same order as the sizes given
    QList<int> layers;   // each box's layer (0 = no parent)
    QRectF bounds;
};

// Places boxes of the given sizes in layers from left to right so that every parent of an
// edge (parent → child) is in a column left of its child's, without overlaps. Cycles are
// broken at the edge that closes them (in input order). The same input always gives the
// same output: no randomness, no dependence on hashing.
DiagramLayout layoutDiagram(const QList<QSizeF> &sizes, const QList<QPair<int, int>> &edges,
                            const DiagramLayoutOptions &options = {});

} // namespace ferry

#include "core/table_rows.h"

namespace ferry {

void TableRows::appendRowFrom(const TableRows &other, size_t r, uint32_t doc)
{
    beginRow(doc);
    for (int c = 0; c < m_columns; ++c) {
        const Cell &src = other.at(r, c);
        switch (src.kind) {
        case CellKind::Text:
        case CellKind::Numeric:
        case CellKind::Uuid:
        case CellKind::Blob:
        case CellKind::Json: {
            const std::string_view b = other.bytes(src);
            addBytes(src.kind, b.data(), b.size());
            break;
        }
        default:
            m_cells.push_back(src);
        }
    }
}

} // namespace ferry

#pragma once

#include <QString>

#include <array>
#include <utility>

namespace ferry::detail {

// One table per enum keeps a name function and its parse function from drifting apart:
// both read the same rows.
template <class E, size_t N> using NameTable = std::array<std::pair<E, const char *>, N>;

template <class E, size_t N> QString nameOf(const NameTable<E, N> &table, E value)
{
    for (const auto &[v, name] : table) {
        if (v == value)
            return QString::fromLatin1(name);
    }
    return {};
}

// Case-insensitive, surrounding blanks ignored; `out` is left untouched on failure.
template <class E, size_t N>
bool parseName(const NameTable<E, N> &table, const QString &name, E *out)
{
    const QString wanted = name.trimmed();
    for (const auto &[v, text] : table) {
        if (wanted.compare(QLatin1String(text), Qt::CaseInsensitive) == 0) {
            if (out)
                *out = v;
            return true;
        }
    }
    return false;
}

} // namespace ferry::detail

#pragma once

#include <core/sync/systemfigures.h>

#include <QAbstractTableModel>

namespace Ledgerdesk::Core {
class Store;
}

namespace Ledgerdesk::Ui {

// "What each system says" about one SKU × location: the ledger's figures first, then every
// connected system's last report with its age, marked when it differs, is stale or has an open
// exception.
class SystemFiguresModel final : public QAbstractTableModel
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(SystemFiguresModel)

public:
    enum Column { Source, Figure, Value, Seen, Status, ColumnCount };
    Q_ENUM(Column)

    enum Role {
        StaleRole = Qt::UserRole + 1, // bool
        DiffersRole,                  // bool: a system's value is not the ledger's
        AgeRole,                      // qint64 milliseconds, or invalid when never seen
    };

    static constexpr qint64 kStaleAfterMs = 60 * 60 * 1000;

    explicit SystemFiguresModel(Core::Store &store, QObject *parent = nullptr);
    ~SystemFiguresModel() override;

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant
    headerData(int section, Qt::Orientation orientation, int role = Qt::DisplayRole) const override;

    bool load(const QString &sku, const QString &locationCode);
    bool reload();
    void clear();
    // Figures read elsewhere, aged against `now`.
    void setFigures(const Core::SystemFigures &figures, Core::UtcMillis now);
    // Ages the same figures against a later `now`, e.g. once a minute while shown.
    void setNow(Core::UtcMillis now);

    const Core::SystemFigures &figures() const { return m_figures; }

    static QString ageText(qint64 ageMs);
    static QString systemTitle(const QString &system);

signals:
    void loadFailed(const QString &message);

private:
    struct Row
    {
        QString system; // empty for the ledger
        std::optional<Core::QuantityName> quantity;
        std::optional<QString> value;
        std::optional<Core::UtcMillis> seenAt;
        std::optional<Core::SyncException> exception;
    };

    void buildRows();
    bool differs(const Row &row) const;
    bool stale(const Row &row) const;
    QString statusText(const Row &row) const;
    QString statusToolTip(const Row &row) const;

    Core::Store &m_store;
    Core::SystemFigures m_figures;
    Core::UtcMillis m_now = 0;
    QList<Row> m_rows;
};

} // namespace Ledgerdesk::Ui

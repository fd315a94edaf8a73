#pragma once

#include <core/domain/quantities.h>
#include <core/ledger/availability.h>

#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QTableView;

namespace Ledgerdesk::Core {
class Store;
}

namespace Ledgerdesk::Ui {

class SkuDetailReader;
class StyleMatrixModel;
struct StyleMatrixResult;

// The selected row's style as colour × size for one quantity, at one location or all of them,
// with the selected SKU's cell current. Reads on the reader's thread and only while shown.
class StyleMatrixView final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(StyleMatrixView)

public:
    StyleMatrixView(Core::Store &store, SkuDetailReader &reader, QWidget *parent = nullptr);
    ~StyleMatrixView() override;

    void showRow(const Core::AvailabilityRow &row);
    void clear();
    void refresh();
    // True from a new style, location, quantity or refresh until its matrix is shown.
    bool isLoading() const;

    // The same as picking in the choosers; an empty code means every location.
    void setLocation(const QString &locationCode);
    void setQuantity(Core::QuantityName quantity);

    StyleMatrixModel *model() const { return m_model; }

    QTableView *view() const { return m_view; }

    QString caption() const;

    QComboBox *locationChooser() const { return m_location; }

    QComboBox *quantityChooser() const { return m_quantity; }

signals:
    void matrixShown();

protected:
    void showEvent(QShowEvent *event) override;

private:
    void load();
    void acceptMatrix(const StyleMatrixResult &result);
    void loadLocations();
    void requestLoad();
    void updateTitle();
    void selectCurrentSku();
    void updateCaption();

    Core::Store &m_store;
    SkuDetailReader &m_reader;
    std::optional<Core::AvailabilityRow> m_row;
    bool m_stale = false;
    StyleMatrixModel *m_model = nullptr;
    QLabel *m_title = nullptr;
    QLabel *m_error = nullptr;
    QLabel *m_caption = nullptr;
    QComboBox *m_location = nullptr;
    QComboBox *m_quantity = nullptr;
    QTableView *m_view = nullptr;
};

} // namespace Ledgerdesk::Ui

export function Placeholder({ title }: { title: string }) {
  return (
    <section className="page">
      <h1>{title}</h1>
      <div className="soon" data-testid="coming-soon">
        <strong>Sắp có</strong>
        <p className="muted">Chức năng này đang được xây dựng và sẽ có trong bản cập nhật tới.</p>
      </div>
    </section>
  )
}

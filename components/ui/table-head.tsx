// The header row every data table on the site shares.
export function TableHead({ columns, shaded = true }: { columns: string[]; shaded?: boolean }) {
  return (
    <thead
      className={`${shaded ? 'bg-slate-50 ' : ''}text-left text-xs font-semibold uppercase tracking-wide text-slate-500`}
    >
      <tr>
        {columns.map((column) => (
          <th key={column} scope="col" className="px-4 py-3">
            {column}
          </th>
        ))}
      </tr>
    </thead>
  );
}

/** The header row of a table with one column per compared release, after a first column. */
export function ReleaseColumnsHead({ first, releases }: { first: string; releases: readonly { id: string }[] }) {
  return (
    <thead>
      <tr>
        <th scope="col">{first}</th>
        {releases.map((release) => (
          <th key={release.id} scope="col">
            {release.id}
          </th>
        ))}
      </tr>
    </thead>
  );
}

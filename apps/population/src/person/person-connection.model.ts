import { Field, ObjectType } from '@nestjs/graphql';
import { PageInfo, WriteResultOutcome } from '@hub/register';
import { Person, PersonEdge } from './person.model.js';
import { IN_POPULATION_SCHEMA } from '../population.graphql-scope.js';

@ObjectType({ ...IN_POPULATION_SCHEMA, description: 'A page of persons, ordered by citizen ID' })
export class PersonConnection {
  @Field(() => [PersonEdge])
  edges: PersonEdge[];

  @Field(() => [Person])
  nodes: Person[];

  @Field(() => PageInfo)
  pageInfo: PageInfo;
}

@ObjectType({ ...IN_POPULATION_SCHEMA, ...IN_POPULATION_SCHEMA })
export class PersonWriteResult {
  @Field(() => WriteResultOutcome)
  outcome: WriteResultOutcome;

  @Field(() => Person)
  person: Person;
}

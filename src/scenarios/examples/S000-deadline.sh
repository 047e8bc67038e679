# S000-deadline: a rollout that cannot progress is marked ProgressDeadlineExceeded after progressDeadlineSeconds
# zh: 无法推进的滚动更新在 progressDeadlineSeconds 之后被标记为 ProgressDeadlineExceeded
cat > app-deployment.yaml <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: app-deployment
  labels:
    app: app
spec:
  replicas: 3
  selector:
    matchLabels:
      app: app
  template:
    metadata:
      labels:
        app: app
    spec:
      containers:
        - name: app
          image: app:1.0.0
          ports:
            - containerPort: 8080
EOF
kubectl apply -f app-deployment.yaml
sleep 10
# The seed's commands name nginx-deployment, the Deployment of the Kubernetes docs page this section translates;
# in this seed the Deployment is app-deployment. 600 is already the default, so the patch changes nothing.
kubectl patch deployment.v1.apps/app-deployment -p '{"spec":{"progressDeadlineSeconds":600}}'
# An image tag that does not exist: the new pod never becomes ready (the seed lists image pull errors as a cause).
kubectl set image deployment.v1.apps/app-deployment app=app:1.0.9
sleep 1
# rollout status watches until the rollout finishes or the deadline passes (about ten minutes here).
kubectl rollout status deployment.v1.apps/app-deployment
kubectl describe deployment app-deployment
kubectl get deployment app-deployment
kubectl get deployment app-deployment -o jsonpath='{.status.conditions[?(@.type=="Progressing")].message}'
kubectl get pods -l app=app

# S003-labels: label a pod and select pods with =, !=, in and notin, as kubectl does
# zh: 给 Pod 打标签，并用 =、!=、in、notin 选择 Pod
kubectl run nginx --image=nginx --labels=app=nginx,env=prod
kubectl run nginx01 --image=nginx --labels=app=nginx01,env=test
kubectl run nginx02 --image=nginx --labels=app=nginx02,env=dev
kubectl run nginx03 --image=nginx --labels=app=nginx03,env=prod
kubectl run web --image=nginx --labels=app=web
# As in the seed: there is no pod nginx in kube-system.
kubectl label pod nginx name=nginx -n kube-system
kubectl label pod nginx name=nginx
kubectl get pod --show-labels
kubectl get pod -l name=nginx
kubectl get pod -l 'env=prod,app=nginx' --show-labels
kubectl get pod -l 'app in (nginx,nginx02,nginx03)' --show-labels
kubectl get pod -l 'env=prod,app in (nginx,nginx02,nginx03)' --show-labels
kubectl get pod -l 'app notin (nginx,nginx03)' --show-labels
kubectl get pod -l 'env != dev' --show-labels
